package org.memberflow.bench.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts the committed records of a topic between a mark and now, as a read_committed consumer
 * sees them: offsets alone would also count the transaction markers of exactly-once commits.
 */
public final class CommittedRecords implements AutoCloseable {
    private static final Duration LIMIT = Duration.ofMinutes(5);
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final Admin admin;

    public CommittedRecords(String bootstrapServers, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        partitions = consumer.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
        consumer.assign(partitions);
    }

    /** Where each partition ends now (its last stable offset). */
    public Map<TopicPartition, Long> mark() {
        return consumer.endOffsets(partitions);
    }

    /**
     * Waits until no transaction is open on the topic (the last stable offset has caught up with
     * the end of the log): a sweep's cursor is seen done before its last transaction commits.
     */
    public void awaitCommitted() {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!consumer.endOffsets(partitions).equals(logEnds())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("a transaction stayed open for " + LIMIT);
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    private Map<TopicPartition, Long> logEnds() {
        try {
            var ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())),
                    new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().get();
            return ends.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The committed records written since {@code mark}. */
    public long countSince(Map<TopicPartition, Long> mark) {
        awaitCommitted();
        Map<TopicPartition, Long> end = mark();
        partitions.forEach(p -> consumer.seek(p, mark.get(p)));
        long count = 0;
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read up to " + end + " within " + LIMIT);
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                    count++;
                }
            }
        }
        return count;
    }

    @Override
    public void close() {
        consumer.close();
        admin.close();
    }
}
