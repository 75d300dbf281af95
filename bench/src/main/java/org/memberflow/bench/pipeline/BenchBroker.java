package org.memberflow.bench.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.memberflow.api.localstack.EmbeddedKafka;
import org.memberflow.api.localstack.Ports;
import org.memberflow.engine.Topics;
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
        List<String> keyed = List.of(Topics.MEMBER_EVENTS.name(), Topics.ENGINE_CLOCK.name(), Topics.MEMBER_EVENTS_DLQ.name(),
                Topics.CAMPAIGN_ACTIONS.name(), Topics.MEMBER_SEGMENTS.name(), Topics.MEMBER_SNAPSHOTS.name(), PASSTHROUGH_SINK);
        try (Admin admin = admin()) {
            List<NewTopic> topics = new java.util.ArrayList<>(keyed.stream()
                    .map(t -> new NewTopic(t, partitions, (short) 1)).toList());
            topics.add(new NewTopic(Topics.RFM_BREAKPOINTS.name(), 1, (short) 1));
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
