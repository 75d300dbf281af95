package org.memberflow.api.localstack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded local stack: real MariaDB, Redis and Kafka servers, each started unless an
 * environment variable points at an external one. Holds a lock on its data directory while it
 * runs, so it can tell processes left by a crashed run (which it stops) from a live run (which it
 * refuses to disturb). Close stops everything in reverse order.
 */
public final class LocalStack implements AutoCloseable {
    /** Properties that application.yml reads; set only for the pieces this stack started. */
    public static final String MYSQL_URL_PROPERTY = "memberflow.mysql.url";
    public static final String REDIS_URL_PROPERTY = "memberflow.redis.url";
    public static final String KAFKA_PROPERTY = "memberflow.kafka.bootstrap-servers";
    public static final String DATA_DIR_PROPERTY = "memberflow.data-dir";

    private static final String LOCK_FILE = "memberflow.lock";
    private static final Set<String> KEPT_WHEN_FRESH = Set.of(LOCK_FILE, "logs");
    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, Long> startMillis = new LinkedHashMap<>();
    private final Map<Server, StoppableServer> stoppable = new EnumMap<>(Server.class);
    private FileChannel lockChannel;
    private FileLock lock;

    private LocalStack() {
    }

    public static LocalStack start(StackSettings settings) {
        LocalStack stack = new LocalStack();
        try {
            stack.startAll(settings);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(StackSettings s) {
        properties.put(DATA_DIR_PROPERTY, s.dataDir().toString());
        lockDataDir(s.dataDir());
        int stale = StaleProcesses.killOwnedBy(s.dataDir());
        if (stale > 0) {
            log.warn("stopped {} server process(es) left behind by an earlier run", stale);
        }
        if (s.fresh()) {
            emptyDataDir(s.dataDir());
        }
        if (s.embedsMariaDb()) {
            Ports.requireFree(s.mariaDbPort(), "the embedded MariaDB", "MEMBERFLOW_LOCAL_MARIADB_PORT");
            EmbeddedMariaDb db = timed("MariaDB", () -> EmbeddedMariaDb.start(s.dataDir().resolve("mariadb"), s.mariaDbPort()));
            properties.put(MYSQL_URL_PROPERTY, db.jdbcUrl());
            stoppable.put(Server.MARIADB, db);
        }
        if (s.embedsRedis()) {
            Ports.requireFree(s.redisPort(), "the embedded Redis", "MEMBERFLOW_LOCAL_REDIS_PORT");
            EmbeddedRedis redis = timed("Redis", () -> EmbeddedRedis.start(s.dataDir().resolve("redis"), s.redisPort()));
            properties.put(REDIS_URL_PROPERTY, redis.url());
            stoppable.put(Server.REDIS, redis);
        }
        if (s.embedsKafka()) {
            Ports.requireFree(s.kafkaPort(), "the embedded Kafka broker", "MEMBERFLOW_LOCAL_KAFKA_PORT");
            Ports.requireFree(s.kafkaControllerPort(), "the embedded Kafka controller",
                    "MEMBERFLOW_LOCAL_KAFKA_CONTROLLER_PORT");
            EmbeddedKafka kafka = timed("Kafka", () -> EmbeddedKafka.start(s.dataDir().resolve("kafka"),
                    s.kafkaPort(), s.kafkaControllerPort()));
            properties.put(KAFKA_PROPERTY, kafka.bootstrapServers());
        }
    }

    private <T extends AutoCloseable> T timed(String name, Supplier<T> starter) {
        long t0 = System.nanoTime();
        T server = starter.get();
        started.push(server);
        startMillis.put(name, (System.nanoTime() - t0) / 1_000_000);
        return server;
    }

    private void lockDataDir(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            lockChannel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
        } catch (IOException e) {
            throw new LocalStackException("cannot use the data directory " + dataDir + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            throw new LocalStackException("another MemberFlow is already running on " + dataDir
                    + "; stop it, or set MEMBERFLOW_DATA_DIR to another directory");
        }
    }

    /**
     * Deletes everything in the data directory but the lock we hold and the logs (which
     * {@code scripts/run --instances} is already writing there, this stack's own among them): a
     * fresh start.
     */
    private static void emptyDataDir(Path dataDir) {
        try (var children = Files.list(dataDir)) {
            for (Path child : children.filter(p -> !KEPT_WHEN_FRESH.contains(p.getFileName().toString())).toList()) {
                FileSystemUtils.deleteRecursively(child);
            }
        } catch (IOException e) {
            throw new LocalStackException("cannot empty " + dataDir + " for a fresh start: " + e.getMessage(), e);
        }
        log.info("started fresh: emptied {}", dataDir);
    }

    /** The embedded servers that an outage can be staged against. */
    public enum Server { MARIADB, REDIS }

    /** Whether this stack started that server (rather than an environment variable naming an external one). */
    public boolean embeds(Server server) {
        return stoppable.containsKey(server);
    }

    /** Stops an embedded server, keeping its port and data for {@link #restart}. */
    public synchronized void stop(Server server) {
        embedded(server).stop();
        log.warn("stopped the embedded {}", server);
    }

    /** Starts again an embedded server stopped by {@link #stop}. */
    public synchronized void restart(Server server) {
        embedded(server).start();
        log.warn("started the embedded {} again", server);
    }

    private StoppableServer embedded(Server server) {
        StoppableServer s = stoppable.get(server);
        if (s == null) {
            throw new IllegalStateException(server + " is external: this stack cannot stop it");
        }
        return s;
    }

    /** Connection properties for the servers this stack started (to set before Spring starts). */
    public Map<String, String> properties() {
        return Map.copyOf(properties);
    }

    /** How long each embedded server took to start, such as "MariaDB 6.1 s, Redis 0.1 s". */
    public String startupSummary() {
        if (startMillis.isEmpty()) {
            return "no embedded servers (all external)";
        }
        StringBuilder sb = new StringBuilder();
        startMillis.forEach((name, ms) -> sb.append(sb.isEmpty() ? "" : ", ").append(name).append(' ')
                .append(String.format("%.1f s", ms / 1000.0)));
        return sb.toString();
    }

    /** Stops every embedded server, newest first. Safe to call more than once. */
    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            AutoCloseable server = started.pop();
            try {
                server.close();
            } catch (Exception e) {
                log.warn("stopping {} failed: {}", server.getClass().getSimpleName(), e.getMessage());
            }
        }
        try {
            if (lockChannel != null && lockChannel.isOpen()) {
                lock.release();
                lockChannel.close();
            }
        } catch (IOException e) {
            log.warn("releasing the data directory lock failed: {}", e.getMessage());
        }
    }
}
