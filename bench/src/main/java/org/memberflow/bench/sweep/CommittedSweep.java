package org.memberflow.bench.sweep;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.memberflow.engine.json.JsonSerde;
import org.memberflow.engine.topology.EngineStores;
import org.memberflow.engine.topology.SweepCursor;

/**
 * Waits until every task's cursor of a sweep is done in a committed transaction, read from the
 * sweeps store's changelog with read_committed. The cursor's last write is in the same
 * transaction as the sweep's last snapshots, so from then on everything it sent is committed;
 * the store itself (by interactive query) shows the cursor done before that.
 */
public final class CommittedSweep {
    private CommittedSweep() {
    }

    /** Returns the members the sweep went through, summed over the tasks' committed cursors. */
    public static long await(String bootstrapServers, String applicationId, String job, LocalDate day, int tasks,
            Duration limit) {
        String changelog = applicationId + "-" + EngineStores.SWEEPS + "-changelog";
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        JsonSerde<SweepCursor> serde = new JsonSerde<>(SweepCursor.class);
        Map<Integer, Long> done = new HashMap<>();
        long deadline = System.nanoTime() + limit.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(changelog).stream()
                    .map(i -> new TopicPartition(changelog, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (done.size() < tasks) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the sweep of " + day + " was not committed done within " + limit
                            + " (" + done.size() + " of " + tasks + " tasks)");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    SweepCursor c = r.value() == null ? null : serde.deserializer().deserialize(changelog, r.value());
                    if (c != null && c.job().equals(job) && c.date().equals(day) && c.done()) {
                        done.put(r.partition(), c.members());
                    }
                }
            }
        }
        return done.values().stream().mapToLong(Long::longValue).sum();
    }
}
