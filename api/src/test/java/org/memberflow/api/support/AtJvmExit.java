package org.memberflow.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.util.FileSystemUtils;

/**
 * Servers that tests start once per JVM stop at JVM exit, as Spring Boot shutdown handlers: those
 * run after the cached test contexts are closed, so no context is left talking to a dead server.
 */
final class AtJvmExit {
    private AtJvmExit() {
    }

    /** A fresh temporary directory for a server's data. */
    static Path newDataDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops {@code server}, then deletes its data directory. */
    static void stopAndDelete(AutoCloseable server, Path dataDir) {
        SpringApplication.getShutdownHandlers().add(() -> {
            try {
                server.close();
                FileSystemUtils.deleteRecursively(dataDir);
            } catch (Exception e) {
                // a server that will not stop, or a leftover temporary directory, is not worth failing the build for
            }
        });
    }
}
