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
import org.memberflow.bench.report.Noise;
import org.memberflow.engine.EngineSettings;
import org.memberflow.engine.Topics;
import org.memberflow.engine.clock.ClockMode;

/**
 * Runs one topology over everything in member-events with exactly_once_v2 and measures it from
 * the commit that passes {@link #WARM_UP} of the events to the last, so that start-up, rebalancing
 * and the JIT's warm-up are left out: in a short rung the C2 compiler threads took half the CPU
 * (11.4 of 23.1 CPU seconds of S2 with 20,000 members), and the figure measured warm-up, not the engine.
 */
final class StreamsRun {
    static final double WARM_UP = 0.25;
    /** Every rung replays the generated history, so its today is the event time. */
    static final ClockMode CLOCK = ClockMode.EVENT;
    private final int streamThreads;

    StreamsRun(int streamThreads) {
        this.streamThreads = streamThreads;
    }

    /** A topology started under a fresh application id, and when it was started. */
    record Started(KafkaStreams streams, Measurement sinceStart) implements AutoCloseable {
        @Override
        public void close() {
            streams.close();
        }
    }

    Started start(BenchBroker broker, String applicationId, Topology topology) throws Exception {
        Measurement sinceStart = Measurement.start();
        Path stateDir = Files.createTempDirectory("memberflow-bench-state-");
        Properties props = new EngineSettings(broker.bootstrapServers(), applicationId, stateDir, 1, streamThreads,
                Duration.ofMillis(100), Map.of()).toStreamsProperties(CLOCK);
        KafkaStreams streams = new KafkaStreams(topology, props);
        streams.start();
        return new Started(streams, sinceStart);
    }

    /**
     * Waits until the application has committed every input record; measures after the warm-up.
     * A tiny run may pass the warm-up and the end in one commit: it is then measured from its
     * start, start-up included (its application id is fresh, so it started from nothing).
     */
    Throughput measure(BenchBroker broker, String stage, String applicationId, Started started, long events,
            Duration limit) throws Exception {
        try (Admin admin = broker.admin()) {
            long warm = -1;
            Measurement sinceWarm = null;
            SliceClock slices = null;
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline) {
                long committed = committed(admin, applicationId);
                if (warm < 0 && committed >= events * WARM_UP) {
                    warm = committed;
                    sinceWarm = Measurement.start();
                    slices = new SliceClock(warm, events);
                }
                if (slices != null) {
                    slices.passed(committed, System.nanoTime());
                }
                if (committed >= events) {
                    return warm < events
                            ? new Throughput(stage, events - warm, sinceWarm.seconds(), sinceWarm.cpuSeconds(),
                                    sinceWarm.cpuByGroup(), slices.noise())
                            : new Throughput(stage, events, started.sinceStart().seconds(),
                                    started.sinceStart().cpuSeconds(), started.sinceStart().cpuByGroup());
                }
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
            throw new IllegalStateException(stage + " did not finish within " + limit);
        }
    }

    /**
     * The rate of each of {@link Noise#SLICES} equal parts of the measured events, timed when the
     * committed offsets first passed each part's end (polled every 50 ms, commits every 100 ms).
     */
    private static final class SliceClock {
        private final long from;
        private final long[] ends = new long[Noise.SLICES];
        private final long[] committedAt = new long[Noise.SLICES];
        private final long[] nanosAt = new long[Noise.SLICES];
        private final long startNanos = System.nanoTime();
        private int passed;

        SliceClock(long from, long to) {
            this.from = from;
            for (int i = 0; i < ends.length; i++) {
                ends[i] = from + (to - from) * (i + 1) / ends.length;
            }
        }

        void passed(long committed, long nanos) {
            while (passed < ends.length && committed >= ends[passed]) {
                committedAt[passed] = committed;
                nanosAt[passed] = nanos;
                passed++;
            }
        }

        double noise() {
            double[] rates = new double[passed];
            long prevCommitted = from;
            long prevNanos = startNanos;
            int n = 0;
            for (int i = 0; i < passed; i++) {
                if (nanosAt[i] > prevNanos) { // one poll may pass several slices: they share its rate
                    rates[n++] = (committedAt[i] - prevCommitted) / ((nanosAt[i] - prevNanos) / 1e9);
                    prevCommitted = committedAt[i];
                    prevNanos = nanosAt[i];
                }
            }
            return Noise.of(java.util.Arrays.copyOf(rates, n));
        }
    }

    private static long committed(Admin admin, String applicationId) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(Topics.MEMBER_EVENTS.name()))
                .mapToLong(e -> e.getValue().offset()).sum();
    }
}
