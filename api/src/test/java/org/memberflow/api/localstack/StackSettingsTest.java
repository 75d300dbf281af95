package org.memberflow.api.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackSettingsTest {

    @Test
    void shouldEmbedEverythingByDefault() {
        StackSettings s = StackSettings.fromEnvironment(Map.of());
        assertThat(s.embedsMariaDb()).isTrue();
        assertThat(s.embedsRedis()).isTrue();
        assertThat(s.embedsKafka()).isTrue();
        assertThat(s.dataDir()).isEqualTo(Path.of(".local").toAbsolutePath());
        assertThat(s.mariaDbPort()).isEqualTo(13306);
    }

    @Test
    void shouldUseEachExternalServerIndependently() {
        StackSettings s = StackSettings.fromEnvironment(Map.of(StackSettings.REDIS_URL, "redis://db:6379"));
        assertThat(s.embedsRedis()).isFalse();
        assertThat(s.embedsMariaDb()).isTrue();
        assertThat(s.embedsKafka()).isTrue();
    }

    @Test
    void shouldRefuseAPortThatIsNotANumber() {
        assertThatThrownBy(() -> StackSettings.fromEnvironment(Map.of("MEMBERFLOW_LOCAL_REDIS_PORT", "abc")))
                .isInstanceOf(LocalStackException.class).hasMessageContaining("MEMBERFLOW_LOCAL_REDIS_PORT");
    }

    @Test
    void shouldStartNothingWhenEverythingIsExternal(@TempDir Path dir) {
        StackSettings s = StackSettings.fromEnvironment(Map.of(StackSettings.DATA_DIR, dir.toString(),
                StackSettings.MYSQL_URL, "jdbc:mysql://db/x", StackSettings.REDIS_URL, "redis://r",
                StackSettings.KAFKA_BOOTSTRAP, "k:9092"));
        try (LocalStack stack = LocalStack.start(s)) {
            assertThat(stack.properties()).containsOnlyKeys(LocalStack.DATA_DIR_PROPERTY);
            assertThat(stack.startupSummary()).contains("all external");
        }
    }

    @Test
    void shouldSayInOneLineWhichPortIsTaken(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StackSettings s = StackSettings.fromEnvironment(Map.of(StackSettings.DATA_DIR, dir.toString(),
                    "MEMBERFLOW_LOCAL_MARIADB_PORT", Integer.toString(taken.getLocalPort()),
                    StackSettings.REDIS_URL, "redis://r", StackSettings.KAFKA_BOOTSTRAP, "k:9092"));
            assertThatThrownBy(() -> LocalStack.start(s))
                    .isInstanceOf(LocalStackException.class)
                    .hasMessage("port " + taken.getLocalPort() + " for the embedded MariaDB is already in use; stop what "
                            + "uses it or set MEMBERFLOW_LOCAL_MARIADB_PORT to another port");
        }
    }

    @Test
    void shouldEmptyTheDataDirectoryForAFreshStart(@TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("old-state"), "x");
        java.nio.file.Files.createDirectories(dir.resolve("kafka/log"));
        StackSettings s = StackSettings.fromEnvironment(Map.of(StackSettings.DATA_DIR, dir.toString(),
                StackSettings.FRESH, "true", StackSettings.MYSQL_URL, "jdbc:mysql://db/x",
                StackSettings.REDIS_URL, "redis://r", StackSettings.KAFKA_BOOTSTRAP, "k:9092"));
        try (LocalStack stack = LocalStack.start(s)) {
            assertThat(dir.resolve("old-state")).doesNotExist();
            assertThat(dir.resolve("kafka")).doesNotExist();
        }
    }

    @Test
    void shouldRefuseASecondStackOnTheSameDataDirectory(@TempDir Path dir) {
        Map<String, String> env = Map.of(StackSettings.DATA_DIR, dir.toString(),
                "MEMBERFLOW_LOCAL_MARIADB_PORT", "1", // never reached: the lock is checked first
                StackSettings.REDIS_URL, "redis://r", StackSettings.KAFKA_BOOTSTRAP, "k:9092");
        StackSettings s = StackSettings.fromEnvironment(env);
        try (var held = java.nio.channels.FileChannel.open(dir.resolve("memberflow.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             var lock = held.lock()) {
            // A lock held by another channel of this JVM counts as another MemberFlow.
            assertThatThrownBy(() -> LocalStack.start(s)).isInstanceOf(Exception.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
