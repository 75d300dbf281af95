package org.memberflow.bench.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.memberflow.api.localstack.LocalStack;
import org.memberflow.api.localstack.StackSettings;
import org.springframework.util.FileSystemUtils;

/**
 * The broker, MariaDB and Redis that every server of a fault scenario shares, and a directory for
 * the servers' own data. Either a local stack started here, or one somebody else started (the
 * tests' shared stack); external servers named in the environment are used as they are.
 */
public final class ChaosStack implements AutoCloseable {
    private final LocalStack owned;
    private final Path dir;
    private final Map<String, String> env;
    private final String bootstrapServers;
    private final String jdbcUrl;

    private ChaosStack(LocalStack owned, Map<String, String> properties, Path dir) {
        this.owned = owned;
        this.dir = dir;
        Map<String, String> e = new LinkedHashMap<>();
        this.jdbcUrl = pick(properties.get(LocalStack.MYSQL_URL_PROPERTY), StackSettings.MYSQL_URL);
        this.bootstrapServers = pick(properties.get(LocalStack.KAFKA_PROPERTY), StackSettings.KAFKA_BOOTSTRAP);
        e.put(StackSettings.MYSQL_URL, jdbcUrl);
        e.put(StackSettings.REDIS_URL, pick(properties.get(LocalStack.REDIS_URL_PROPERTY), StackSettings.REDIS_URL));
        e.put(StackSettings.KAFKA_BOOTSTRAP, bootstrapServers);
        this.env = Map.copyOf(e);
    }

    /** Starts a local stack of its own (on free ports, in a new temporary directory), stopped by close. */
    public static ChaosStack start() {
        Path dir = newTempDir();
        LocalStack stack = LocalStack.start(StackSettings.onFreePorts(System.getenv(), dir.resolve("stack")));
        return new ChaosStack(stack, stack.properties(), dir);
    }

    /** The servers of a stack that runs already; close leaves it running. */
    public static ChaosStack sharing(LocalStack stack) {
        return new ChaosStack(null, stack.properties(), newTempDir());
    }

    /** The variables that point a server at these backing servers. */
    public Map<String, String> serverEnvironment() {
        return env;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The MySQL user of the servers (the embedded MariaDB's root, or MEMBERFLOW_MYSQL_USERNAME). */
    public String jdbcUser() {
        return System.getenv().getOrDefault("MEMBERFLOW_MYSQL_USERNAME", "root");
    }

    public String jdbcPassword() {
        return System.getenv().getOrDefault("MEMBERFLOW_MYSQL_PASSWORD", "");
    }

    public Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return Admin.create(p);
    }

    /** A new directory for one server's data (its engine state, its lock, its log). */
    public Path serverDir(String name) {
        try {
            return Files.createDirectories(dir.resolve("servers").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pick(String embedded, String variable) {
        if (embedded != null) {
            return embedded;
        }
        String external = System.getenv(variable);
        if (external == null || external.isBlank()) {
            throw new IllegalStateException("the stack has no " + variable);
        }
        return external.trim();
    }

    private static Path newTempDir() {
        try {
            return Files.createTempDirectory("memberflow-chaos-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.close();
        }
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
