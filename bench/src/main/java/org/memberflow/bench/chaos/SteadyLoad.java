package org.memberflow.bench.chaos;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.memberflow.engine.Topics;

/**
 * Events at a steady rate on {@code member-events}, straight to the broker, every tenth ms:
 * each member registers, then buys. Counts what it sent, per member, to compare with what the
 * stores hold afterwards.
 */
final class SteadyLoad implements AutoCloseable {
    private final String run;
    private final int members;
    private final KafkaProducer<byte[], byte[]> producer;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    SteadyLoad(String bootstrap, String run, int members) {
        this.run = run;
        this.members = members;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producer = new KafkaProducer<>(p);
    }

    /** Starts sending {@code perSecond} events a second. */
    SteadyLoad start(int perSecond) {
        int perTick = Math.max(1, perSecond / 100);
        ticker.scheduleAtFixedRate(() -> {
            for (int i = 0; i < perTick; i++) {
                send(sent.getAndIncrement());
            }
        }, 0, 10, TimeUnit.MILLISECONDS);
        return this;
    }

    private void send(int n) {
        String member = memberId(n % members);
        String eventId = run + "-e" + n;
        String json = n < members ? GoodEvents.registered(eventId, member) : GoodEvents.purchase(eventId, member, run + "-o" + n);
        producer.send(new ProducerRecord<>(Topics.MEMBER_EVENTS.name(), member.getBytes(StandardCharsets.UTF_8),
                json.getBytes(StandardCharsets.UTF_8)), (meta, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
    }

    String memberId(int m) {
        return run + "-" + m;
    }

    /** Stops sending and waits until the broker has everything sent. */
    void stop() {
        ticker.shutdown();
        try {
            ticker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.flush();
    }

    int sent() {
        return sent.get();
    }

    /** Members that got at least their registration. */
    int membersReached() {
        return Math.min(members, sent.get());
    }

    /** Events sent to member {@code m}. */
    int sentTo(int m) {
        int n = sent.get();
        return n / members + (m < n % members ? 1 : 0);
    }

    Exception failure() {
        return failure.get();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        producer.close();
    }
}
