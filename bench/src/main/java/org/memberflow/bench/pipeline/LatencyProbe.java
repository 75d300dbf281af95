package org.memberflow.bench.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.memberflow.engine.Topics;
import org.memberflow.engine.action.CampaignAction;

/**
 * Event → action latency at a fixed offered load: registrations of new members are sent at a
 * steady rate, each carrying its send time in its event id; the welcome action it causes is read
 * (read_committed, as a downstream system would) and the difference taken. The rate at which the
 * actions came back tells whether the engine kept up: below the offered rate, a queue built and
 * the latency is mostly the time spent in it.
 */
final class LatencyProbe {
    private LatencyProbe() {
    }

    /** {@code tag} keeps the members of one probe apart from another's (a member is welcomed once). */
    static Latency run(String bootstrap, String tag, int perSecond, int seconds) {
        int total = perSecond * seconds;
        List<Long> latencies = new ArrayList<>(total);
        long firstSeen = 0;
        long lastSeen = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps(bootstrap));
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps(bootstrap))) {
            List<TopicPartition> tps = consumer.partitionsFor(Topics.CAMPAIGN_DECISIONS.name()).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(tps);
            consumer.seekToEnd(tps);
            tps.forEach(consumer::position); // fix the start before sending

            Thread sender = new Thread(() -> send(producer, tag, perSecond, total), "latency-sender");
            sender.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(seconds + 30L).toNanos();
            while (latencies.size() < total && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.currentTimeMillis();
                    CampaignAction a = Topics.CAMPAIGN_DECISIONS.valueSerde().deserializer().deserialize(null, r.value());
                    if (a.causeEventId().startsWith("lat-" + tag + "-") && a.campaignId().equals("welcome")) {
                        latencies.add(now - Long.parseLong(a.causeEventId().split("-")[2]));
                        firstSeen = firstSeen == 0 ? now : firstSeen;
                        lastSeen = now;
                    }
                }
            }
            sender.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double drained = lastSeen > firstSeen ? sorted.length * 1000.0 / (lastSeen - firstSeen) : 0;
        return new Latency(perSecond, total, sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1], drained);
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String tag, int perSecond, int total) {
        long interval = 1_000_000_000L / perSecond;
        long next = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            next += interval;
            long sentAt = System.currentTimeMillis();
            String member = "lat" + tag + "x" + i;
            String json = "{\"eventId\":\"lat-" + tag + "-" + sentAt + "-" + i + "\",\"memberId\":\"" + member
                    + "\",\"type\":\"REGISTERED\",\"occurredAt\":\"2026-11-01T08:00:00Z\"}";
            producer.send(new ProducerRecord<>(Topics.MEMBER_EVENTS.name(), member.getBytes(StandardCharsets.UTF_8),
                    json.getBytes(StandardCharsets.UTF_8)));
        }
        producer.flush();
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static Properties consumerProps(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return p;
    }

    private static Properties producerProps(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        return p;
    }

}
