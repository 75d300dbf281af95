package org.memberflow.bench.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
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
            awaitLeaders(admin, topics.stream().map(NewTopic::name).toList());
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the benchmark topics", e);
        }
    }

    /**
     * Waits until every partition has a leader that serves it. Producing at once to a topic just
     * created got NOT_LEADER_OR_FOLLOWER, and the idempotent producer's retries then lost batches of
     * the producer ceiling to OUT_OF_ORDER_SEQUENCE_NUMBER. A leader in the metadata was not enough
     * (seen with 6 partitions): the partition's offsets must also be answered by the broker.
     */
    private static void awaitLeaders(Admin admin, List<String> topics) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            var described = described(admin, topics);
            boolean ready = described != null && described.stream()
                    .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
            if (ready && offsetsAnswered(admin, described)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the benchmark topics have no leader after 60 s");
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    /**
     * The topics as the broker describes them, or null while it does not know them yet: just after
     * creation the broker's metadata can still answer UNKNOWN_TOPIC_OR_PARTITION (seen in CI).
     */
    private static Collection<TopicDescription> described(Admin admin, List<String> topics)
            throws InterruptedException {
        try {
            return admin.describeTopics(topics).allTopicNames().get().values();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw new IllegalStateException("cannot describe the benchmark topics", e.getCause());
        }
    }

    private static boolean offsetsAnswered(Admin admin, Collection<TopicDescription> topics) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        topics.forEach(d -> d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()),
                OffsetSpec.latest())));
        try {
            admin.listOffsets(latest).all().get();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            return false; // not served yet: ask again
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
