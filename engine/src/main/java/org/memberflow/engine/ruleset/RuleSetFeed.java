package org.memberflow.engine.ruleset;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.memberflow.engine.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the compacted topic {@code rule-sets} and hands each published rule set to the
 * {@link RuleSetActivator}. Every instance reads the whole topic itself (no consumer group):
 * an activation reaches all of them. {@link #catchUp} runs before the engine processes anything,
 * so an instance never decides with a version older than the one published when it started;
 * {@link #follow} then compiles later versions on a thread of its own, while events flow.
 */
public final class RuleSetFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RuleSetFeed.class);
    private static final TopicPartition PARTITION = new TopicPartition(Topics.RULE_SETS.name(), 0);
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final RuleSetActivator activator;
    private volatile Thread follower;
    private volatile boolean closed;

    public RuleSetFeed(String bootstrapServers, RuleSetActivator activator) {
        this.activator = activator;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "memberflow-rule-sets",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Reads the topic to its end and activates the last rule set on it, if any. */
    public void catchUp(Duration timeout) throws TimeoutException {
        consumer.assign(List.of(PARTITION));
        consumer.seekToBeginning(List.of(PARTITION));
        long end = consumer.endOffsets(List.of(PARTITION), timeout).get(PARTITION);
        long deadline = System.nanoTime() + timeout.toNanos();
        ConsumerRecord<byte[], byte[]> last = null;
        while (consumer.position(PARTITION, timeout) < end) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("rule-sets not read to its end (offset " + end + ") within " + timeout);
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                last = r;
            }
        }
        if (last != null) {
            apply(last);
        }
    }

    /** Starts following the topic on a daemon thread; call after {@link #catchUp}. */
    public synchronized void follow() {
        if (follower != null || closed) {
            return;
        }
        follower = new Thread(this::followLoop, "rule-set-feed");
        follower.setDaemon(true);
        follower.start();
    }

    private void followLoop() {
        try {
            follow0();
        } finally {
            // Closed by the thread that uses it: a KafkaConsumer is not safe across threads.
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void follow0() {
        while (!closed) {
            try {
                ConsumerRecord<byte[], byte[]> last = null;
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
                    last = r;
                }
                // Only the newest of a batch matters: the older ones were replaced already.
                if (last != null) {
                    apply(last);
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("reading rule-sets failed; retrying", e);
                pause();
            }
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        RuleSetRecord ruleSet;
        try {
            ruleSet = Topics.RULE_SETS.valueSerde().deserializer().deserialize(PARTITION.topic(), record.value());
        } catch (RuntimeException e) {
            activator.refuseUnreadable("offset " + record.offset() + ": " + e.getMessage());
            return;
        }
        activator.apply(ruleSet);
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops following; waits for a compile under way to end (it cannot be interrupted). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Thread thread = follower;
        if (thread == null) {
            consumer.close(Duration.ofSeconds(5));
            return;
        }
        consumer.wakeup();
        try {
            thread.join(Duration.ofMinutes(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
