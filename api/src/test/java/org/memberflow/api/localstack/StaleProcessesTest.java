package org.memberflow.api.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleProcessesTest {

    @Test
    void shouldStopProcessesThatACrashedRunLeftOnItsDataDirectory(@TempDir Path dir) throws Exception {
        // Stands in for a mariadbd or redis-server whose JVM died: one process whose command line
        // names the data directory. tail -F keeps running while the named file does not exist.
        Process orphan = new ProcessBuilder("tail", "-F", "/dev/null", dir.resolve("mariadb/data").toString()).start();
        Process stranger = new ProcessBuilder("tail", "-F", "/dev/null", "/elsewhere/data").start();
        try {
            StackSettings s = StackSettings.fromEnvironment(Map.of(StackSettings.DATA_DIR, dir.toString(),
                    StackSettings.MYSQL_URL, "jdbc:mysql://db/x", StackSettings.REDIS_URL, "redis://r",
                    StackSettings.KAFKA_BOOTSTRAP, "k:9092"));
            try (LocalStack stack = LocalStack.start(s)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> !orphan.isAlive());
                assertThat(stranger.isAlive()).isTrue();
            }
        } finally {
            orphan.destroyForcibly();
            stranger.destroyForcibly();
        }
    }
}
