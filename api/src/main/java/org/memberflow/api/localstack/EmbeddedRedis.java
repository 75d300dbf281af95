package org.memberflow.api.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * A real Redis server (the binary shipped in embedded-redis on Maven Central). Append-only
 * persistence under {@code dir}, so a restart keeps what was served.
 */
final class EmbeddedRedis implements StoppableServer {
    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static EmbeddedRedis start(Path dir, int port) {
        try {
            Files.createDirectories(dir.resolve("bin"));
            String binary = ExecutableProvider.newJarResourceProvider(dir.resolve("bin").toFile()).get().getAbsolutePath();
            // The data directory on the command line also marks the process as ours (StaleProcesses).
            RedisServer server = new RedisServer(port, List.of(binary,
                    "--port", Integer.toString(port),
                    "--bind", "127.0.0.1",
                    "--dir", dir.toString(),
                    "--appendonly", "yes",
                    "--save", ""), true);
            server.start();
            return new EmbeddedRedis(server, port);
        } catch (IOException e) {
            throw new LocalStackException("Redis did not start: " + e.getMessage(), e);
        }
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new LocalStackException("Redis did not stop cleanly: " + e.getMessage(), e);
        }
    }

    @Override
    public void start() {
        try {
            server.start();
        } catch (IOException e) {
            throw new LocalStackException("Redis did not start again: " + e.getMessage(), e);
        }
    }
}
