package org.memberflow.bench.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads everything committed on a topic so far (read_committed), record by record, from a
 * consumer of no group: a scenario counts what a topic holds without keeping it in memory.
 */
final class TopicScan {
    private static final Duration LIMIT = Duration.ofMinutes(5);

    private TopicScan() {
    }

    static void forEach(String bootstrap, String topic, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + topic + " took more than " + LIMIT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(each);
            }
        }
    }

    /**
     * Per partition of the topics, the offset after the last committed record (0 when none): the
     * log end less the commit markers that follow it.
     */
    static Map<TopicPartition, Long> afterLastRecords(String bootstrap, List<String> topics) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        Map<TopicPartition, Long> after = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach(t -> consumer.partitionsFor(t).forEach(i -> partitions.add(new TopicPartition(t, i.partition()))));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            for (TopicPartition tp : partitions) {
                after.put(tp, lastRecordOffset(consumer, tp, end.get(tp)) + 1);
            }
        }
        return after;
    }

    /** Looks back from the end, further each time, until a record shows; -1 when there is none. */
    private static long lastRecordOffset(KafkaConsumer<byte[], byte[]> consumer, TopicPartition tp, long end) {
        consumer.assign(List.of(tp));
        long deadline = System.nanoTime() + LIMIT.toNanos();
        for (long back = 16; ; back *= 4) {
            long from = Math.max(0, end - back);
            consumer.seek(tp, from);
            long last = -1;
            while (consumer.position(tp) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    last = Math.max(last, r.offset());
                }
            }
            if (last >= 0 || from == 0) {
                return last;
            }
        }
    }
}
