package org.memberflow.api.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded local stack alone, without a server: for {@code scripts/run --instances N}, whose
 * servers all point at it, so that stopping or killing one server never stops the broker, MariaDB
 * or Redis under the others. Writes the variables that point a server at this stack to
 * {@code <data dir>/stack.env} (renamed into place once everything is up) and runs until it is
 * stopped (SIGTERM, Ctrl-C), then stops the servers it started.
 */
public final class LocalStackMain {
    /** The file a starting server reads the stack's addresses from; present only while it is up. */
    public static final String ENV_FILE = "stack.env";

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        StackSettings settings = StackSettings.fromEnvironment(System.getenv());
        Path envFile = settings.dataDir().resolve(ENV_FILE);
        LocalStack stack;
        try {
            stack = LocalStack.start(settings);
            write(envFile, variables(stack.properties()));
        } catch (LocalStackException e) {
            System.err.println("memberflow: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(envFile);
            } catch (IOException e) {
                // a stale file is replaced at the next start
            }
            stack.close();
            stopped.countDown();
        }, "local-stack-stop"));
        System.out.printf("The local stack is up (%s); its addresses are in %s%n", stack.startupSummary(), envFile);
        stopped.await();
    }

    /** The server's environment variables for the servers this stack runs, as {@code NAME=value}. */
    static Map<String, String> variables(Map<String, String> properties) {
        Map<String, String> env = new LinkedHashMap<>();
        put(env, StackSettings.MYSQL_URL, properties.get(LocalStack.MYSQL_URL_PROPERTY));
        put(env, StackSettings.REDIS_URL, properties.get(LocalStack.REDIS_URL_PROPERTY));
        put(env, StackSettings.KAFKA_BOOTSTRAP, properties.get(LocalStack.KAFKA_PROPERTY));
        return env;
    }

    private static void put(Map<String, String> env, String name, String value) {
        if (value != null) {
            env.put(name, value);
        }
    }

    private static void write(Path file, Map<String, String> env) {
        StringBuilder text = new StringBuilder();
        env.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            Path tmp = file.resolveSibling(ENV_FILE + ".tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LocalStackException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
