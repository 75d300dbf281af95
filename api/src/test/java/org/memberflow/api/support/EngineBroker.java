package org.memberflow.api.support;

import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.memberflow.api.localstack.EmbeddedKafka;
import org.memberflow.api.localstack.Ports;
import org.memberflow.engine.EngineTopics;

/**
 * A broker of its own for the engine's integration tests, started once per test JVM. The
 * server's tests run a whole MemberFlow on the shared local stack, whose engine consumes the
 * same topic names; tests that start, crash and replay engines by hand need topics nobody else
 * reads.
 */
public final class EngineBroker {
    public static final int PARTITIONS = 3;
    private static EngineBroker instance;

    private final EmbeddedKafka kafka;

    private EngineBroker(EmbeddedKafka kafka) {
        this.kafka = kafka;
    }

    public static synchronized EngineBroker get() {
        if (instance == null) {
            Path dir = AtJvmExit.newDataDir("memberflow-engine-broker-");
            EmbeddedKafka kafka = EmbeddedKafka.start(dir, Ports.free(), Ports.free());
            AtJvmExit.stopAndDelete(kafka, dir);
            instance = new EngineBroker(kafka);
            instance.createTopics();
        }
        return instance;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public Properties adminProps() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return p;
    }

    private void createTopics() {
        try (Admin admin = Admin.create(adminProps())) {
            admin.createTopics(EngineTopics.all(PARTITIONS, (short) 1)).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the engine topics", e);
        }
    }
}
