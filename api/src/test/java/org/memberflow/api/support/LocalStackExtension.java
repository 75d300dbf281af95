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

/**
 * Starts the embedded local stack once per test JVM, on free ports and a fresh data directory,
 * and points Spring at it through system properties. The same environment variables as the
 * server's (MEMBERFLOW_MYSQL_URL, ...) make the tests use external servers instead.
 */
public final class LocalStackExtension implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).computeIfAbsent("stack", key -> start(), LocalStack.class);
    }

    private static LocalStack start() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put(StackSettings.DATA_DIR, tempDir().toString());
        env.put("MEMBERFLOW_LOCAL_MARIADB_PORT", Integer.toString(Ports.free()));
        env.put("MEMBERFLOW_LOCAL_REDIS_PORT", Integer.toString(Ports.free()));
        env.put("MEMBERFLOW_LOCAL_KAFKA_PORT", Integer.toString(Ports.free()));
        env.put("MEMBERFLOW_LOCAL_KAFKA_CONTROLLER_PORT", Integer.toString(Ports.free()));
        LocalStack stack = LocalStack.start(StackSettings.fromEnvironment(env));
        stack.properties().forEach(System::setProperty);
        return stack;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("memberflow-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
