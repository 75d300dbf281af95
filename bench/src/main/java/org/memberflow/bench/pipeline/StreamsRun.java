package org.memberflow.bench.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.memberflow.engine.EngineSettings;
import org.memberflow.engine.Topics;
import org.memberflow.engine.clock.ClockMode;

/**
 * Runs one topology over everything in member-events with exactly_once_v2 and measures it from
 * its first committed progress to the last, so that start-up and rebalancing are left out.
 */
final class StreamsRun {
    private StreamsRun() {
    }

    static KafkaStreams start(BenchBroker broker, String applicationId, Topology topology) throws Exception {
        Path stateDir = Files.createTempDirectory("memberflow-bench-state-");
        Properties props = new EngineSettings(broker.bootstrapServers(), applicationId, stateDir, 1,
                Duration.ofMillis(100), Map.of()).toStreamsProperties(ClockMode.WALL);
        KafkaStreams streams = new KafkaStreams(topology, props);
        streams.start();
        return streams;
    }

    /** Waits until the application has committed every input record; measures from its first commit. */
    static Throughput measure(BenchBroker broker, String stage, String applicationId, long events, Duration limit)
            throws Exception {
        try (Admin admin = broker.admin()) {
            long first = -1;
            Measurement m = null;
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline) {
                long committed = committed(admin, applicationId);
                if (first < 0 && committed > 0) {
                    first = committed;
                    m = Measurement.start();
                }
                if (committed >= events) {
                    return new Throughput(stage, events - first, m.seconds(), m.cpuSeconds());
                }
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
            throw new IllegalStateException(stage + " did not finish within " + limit);
        }
    }

    private static long committed(Admin admin, String applicationId) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(Topics.MEMBER_EVENTS.name()))
                .mapToLong(e -> e.getValue().offset()).sum();
    }
}
