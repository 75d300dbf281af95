package org.memberflow.bench.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.memberflow.api.localstack.EmbeddedKafka;
import org.memberflow.api.localstack.Ports;
import org.memberflow.engine.EngineTopics;
import org.springframework.util.FileSystemUtils;

/** One fresh single-node broker for a whole benchmark run, with the engine's topics. */
public final class BenchBroker implements AutoCloseable {
    public static final String PASSTHROUGH_SINK = "bench-passthrough-sink";
    private final Path dir;
    private final EmbeddedKafka kafka;
    private final int partitions;

    public BenchBroker(int partitions) {
        this.partitions = partitions;
        try {
            dir = Files.createTempDirectory("memberflow-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kafka = EmbeddedKafka.start(dir, Ports.free(), Ports.free());
        createTopics();
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public int partitions() {
        return partitions;
    }

    public Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return Admin.create(p);
    }

    private void createTopics() {
        try (Admin admin = admin()) {
            List<NewTopic> topics = new ArrayList<>(EngineTopics.all(partitions, (short) 1));
            topics.add(new NewTopic(PASSTHROUGH_SINK, partitions, (short) 1));
            admin.createTopics(topics).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the benchmark topics", e);
        }
    }

    @Override
    public void close() {
        kafka.close();
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
