package org.memberflow.bench.chaos;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.memberflow.bench.generate.HistoryGenerator;
import org.memberflow.engine.Topics;

/**
 * Sends a generated history to {@code member-events} as a backend system would (key = member,
 * the record's time = the event's), and calls back every {@code sliceEvents} events, after the
 * slice is on the broker: where a scenario injects its fault while the engine works on them.
 */
final class HistoryFeed {
    private HistoryFeed() {
    }

    /** Returns the events sent. */
    static long send(ChaosStack stack, HistoryGenerator history, long sliceEvents, Runnable afterSlice) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long[] sent = {0};
        AtomicReference<Exception> failed = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            history.generate(e -> {
                producer.send(new ProducerRecord<>(Topics.MEMBER_EVENTS.name(), null, e.timestampMillis(),
                        e.memberId().getBytes(StandardCharsets.UTF_8), e.json().getBytes(StandardCharsets.UTF_8)), (m, ex) -> {
                            if (ex != null) {
                                failed.compareAndSet(null, ex);
                            }
                        });
                if (++sent[0] % sliceEvents == 0) {
                    flush(producer, failed);
                    afterSlice.run();
                }
            });
            flush(producer, failed);
        }
        return sent[0];
    }

    /** An event the broker did not take would make the oracle wrong: the scenario stops. */
    private static void flush(KafkaProducer<byte[], byte[]> producer, AtomicReference<Exception> failed) {
        producer.flush();
        if (failed.get() != null) {
            throw new IllegalStateException("an event was not stored: " + failed.get().getMessage(), failed.get());
        }
    }
}
