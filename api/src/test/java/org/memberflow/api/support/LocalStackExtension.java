package org.memberflow.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.memberflow.api.localstack.LocalStack;
import org.memberflow.api.localstack.Ports;
import org.memberflow.api.localstack.StackSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.util.FileSystemUtils;

/**
 * Starts the embedded local stack once per test JVM, on free ports and a fresh data directory,
 * and points Spring at it through system properties. The same environment variables as the
 * server's (MEMBERFLOW_MYSQL_URL, ...) make the tests use external servers instead.
 *
 * <p>The stack stops at JVM exit as a Spring Boot shutdown handler, after the cached test
 * contexts are closed: stopping it earlier would leave their consumers talking to a dead broker.
 */
public final class LocalStackExtension implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).computeIfAbsent("stack", key -> new Started(start()), Started.class);
    }

    private static LocalStack start() {
        Map<String, String> env = new HashMap<>(System.getenv());
        Path dataDir = tempDir();
        env.put(StackSettings.DATA_DIR, dataDir.toString());
        env.put("MEMBERFLOW_LOCAL_MARIADB_PORT", Integer.toString(Ports.free()));
        env.put("MEMBERFLOW_LOCAL_REDIS_PORT", Integer.toString(Ports.free()));
        env.put("MEMBERFLOW_LOCAL_KAFKA_PORT", Integer.toString(Ports.free()));
        env.put("MEMBERFLOW_LOCAL_KAFKA_CONTROLLER_PORT", Integer.toString(Ports.free()));
        LocalStack stack = LocalStack.start(StackSettings.fromEnvironment(env));
        stack.properties().forEach(System::setProperty);
        SpringApplication.getShutdownHandlers().add(() -> {
            stack.close();
            try {
                FileSystemUtils.deleteRecursively(dataDir);
            } catch (IOException e) {
                // a leftover temporary directory is not worth failing the build for
            }
        });
        return stack;
    }

    /** Not AutoCloseable on purpose: JUnit must not stop the stack before Spring's contexts. */
    private record Started(LocalStack stack) {
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("memberflow-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
