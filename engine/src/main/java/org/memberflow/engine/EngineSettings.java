package org.memberflow.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.memberflow.engine.clock.ClockMode;

/**
 * How the engine connects and commits. Exactly-once v2 always: a crash between processing and
 * commit neither loses nor repeats an action.
 *
 * @param replicationFactor of the engine's internal topics; 1 for a single local broker
 * @param streamThreads     stream threads of this instance: tasks (one per partition) are shared
 *                          among them, so more than the partitions of member-events is no use
 * @param extra             any further Kafka Streams properties, applied last
 */
public record EngineSettings(
        String bootstrapServers,
        String applicationId,
        Path stateDir,
        int replicationFactor,
        int streamThreads,
        Duration commitInterval,
        Map<String, String> extra) {

    /** Bytes of the record cache in front of member-state; {@code extra} may change it. */
    public static final long CACHE_BYTES = 128L * 1024 * 1024;

    public EngineSettings {
        if (streamThreads < 1) {
            throw new IllegalArgumentException("streamThreads must be at least 1");
        }
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    /**
     * member-events and engine-clock feed the same tasks. Replaying history (event clock), ticks
     * must come in timestamp order with the events, so a task waits to know both inputs (Kafka's
     * default). Live (wall clock), ticks need no such order, and waiting on the almost always empty
     * engine-clock partition held back buffered events in the benchmark: never wait.
     */
    public Properties toStreamsProperties(ClockMode mode) {
        Properties p = new Properties();
        p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, mode == ClockMode.WALL ? -1L : 0L);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        // An idle stream thread waits this long in poll before it punctuates again: short, so that
        // a running sweep gets its next slice soon (records end the wait at once anyway).
        p.put(StreamsConfig.POLL_MS_CONFIG, 10L);
        // The member-state cache, shared by this instance's threads: about 100,000 members of
        // 0.7 KiB. Kafka's 10 MB default held too few to save RocksDB reads (BENCHMARKS.md).
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, CACHE_BYTES);
        // A new application starts at the beginning of member-events: no event is skipped.
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        // A crashed thread or instance is noticed in 10 s rather than Kafka's default 45 s, so its
        // partitions move (and the replacement thread starts) sooner.
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 3_000);
        p.putAll(extra);
        return p;
    }
}
