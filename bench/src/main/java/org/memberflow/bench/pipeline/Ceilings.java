package org.memberflow.bench.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.memberflow.bench.generate.HistoryGenerator;
import org.memberflow.bench.generate.ProgressBar;
import org.memberflow.engine.Topics;

/**
 * The ceilings of the machine: the Kafka producer alone (which also loads the generated history
 * into member-events) and the consumer alone (reading it all back), as the Kafka perf tools do.
 */
final class Ceilings {
    private Ceilings() {
    }

    static Throughput produce(String bootstrap, HistoryGenerator generator) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        ProgressBar bar = new ProgressBar("generate + produce", generator.expectedEvents(), System.err);
        long[] count = {0};
        AtomicLong failed = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        Callback failures = (metadata, e) -> {
            if (e != null) {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, e);
            }
        };
        Measurement m = Measurement.start();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            generator.generate(e -> {
                producer.send(new ProducerRecord<>(Topics.MEMBER_EVENTS.name(), null, e.timestampMillis(),
                        e.memberId().getBytes(StandardCharsets.UTF_8), e.json().getBytes(StandardCharsets.UTF_8)),
                        failures);
                if (++count[0] % 10_000 == 0) {
                    bar.update(Math.min(count[0], generator.expectedEvents()));
                }
            });
            producer.flush();
        }
        bar.update(generator.expectedEvents());
        if (failed.get() > 0) {
            // Every rung replays these events: measuring over a history with holes would be wrong.
            throw new IllegalStateException("the history was not written: " + failed.get() + " of " + count[0]
                    + " events failed, the first with " + firstFailure.get());
        }
        return new Throughput("producer ceiling (incl. generation)", count[0], m.seconds(), m.cpuSeconds(), m.cpuByGroup());
    }

    static Throughput consume(String bootstrap, int partitions, long events) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024);
        long seen = 0;
        Measurement m = Measurement.start();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> tps = java.util.stream.IntStream.range(0, partitions)
                    .mapToObj(i -> new TopicPartition(Topics.MEMBER_EVENTS.name(), i)).toList();
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (seen < events) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the consumer ceiling read " + seen + " of " + events
                            + " events in 10 minutes");
                }
                seen += consumer.poll(Duration.ofMillis(500)).count();
            }
        }
        return new Throughput("consumer ceiling", seen, m.seconds(), m.cpuSeconds(), m.cpuByGroup());
    }
}
