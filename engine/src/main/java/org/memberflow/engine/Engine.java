package org.memberflow.engine;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.memberflow.engine.member.MemberState;
import org.memberflow.engine.topology.EngineMeters;
import org.memberflow.engine.topology.EngineOptions;
import org.memberflow.engine.topology.EngineStores;
import org.memberflow.engine.topology.EngineTopology;
import org.memberflow.engine.topology.SweepCursor;
import org.memberflow.rules.session.Rules;
import org.memberflow.segments.Breakpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running engine: one Kafka Streams instance over the engine topology. */
public final class Engine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Engine.class);
    private final KafkaStreams streams;
    private final Breakpoints defaultBreakpoints;
    private final KafkaStreamsMetrics streamsMetrics;
    private final AtomicLong failedThreads = new AtomicLong();

    public Engine(EngineSettings settings, Rules rules, EngineOptions options, Clock clock) {
        this(settings, rules, options, clock, new CompositeMeterRegistry());
    }

    /**
     * An engine that counts into {@code registry}: its own meters ({@link EngineMeters}), the
     * members and sweeps of this instance, and Kafka Streams' and its clients' metrics (rates,
     * latencies, consumer lag).
     */
    public Engine(EngineSettings settings, Rules rules, EngineOptions options, Clock clock, MeterRegistry registry) {
        StreamsBuilder builder = EngineTopology.build(new StreamsBuilder(), rules, options, clock,
                new EngineMeters(registry));
        this.streams = new KafkaStreams(builder.build(), settings.toStreamsProperties(options.clockMode()));
        this.defaultBreakpoints = options.defaultBreakpoints();
        // Prometheus wants one set of tag keys per meter name: the sinks' consumers (Spring Kafka)
        // carry spring_id, so the engine's consumers carry it too, or their lag would be dropped.
        this.streamsMetrics = new KafkaStreamsMetrics(streams, Tags.of("spring_id", settings.applicationId()));
        streamsMetrics.bindTo(registry);
        Gauge.builder("memberflow.engine.members", this, Engine::approximateMembers)
                .description("Members in this instance's state stores (RocksDB's estimate)").register(registry);
        Gauge.builder("memberflow.engine.sweeps.running", this, e -> e.sweeps().stream().filter(c -> !c.done()).count())
                .description("Sweeps under way on this instance's tasks (one per task and tick)").register(registry);
        // A failed stream thread (a broker hiccup, a fenced producer) is replaced, not left dead:
        // its tasks restart from the last committed transaction.
        Gauge.builder("memberflow.engine.thread.failures", failedThreads, AtomicLong::get)
                .description("Stream threads that died and were replaced since start (each one redoes its last transaction)")
                .register(registry);
        streams.setUncaughtExceptionHandler(e -> {
            failedThreads.incrementAndGet();
            log.error("stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    public void start() {
        streams.start();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Stream threads of this instance that died (and were replaced) since it started. */
    public long failedThreads() {
        return failedThreads.get();
    }

    /**
     * Where the sweeps of this instance's tasks stand (one cursor per task and tick), read from
     * the sweeps store by interactive query; empty while the store cannot be queried (starting,
     * rebalancing).
     */
    public List<SweepCursor> sweeps() {
        List<SweepCursor> cursors = new ArrayList<>();
        try (KeyValueIterator<String, SweepCursor> it = streams.store(StoreQueryParameters.fromNameAndType(
                EngineStores.SWEEPS, QueryableStoreTypes.<String, SweepCursor>keyValueStore())).all()) {
            it.forEachRemaining(kv -> cursors.add(kv.value));
        } catch (InvalidStateStoreException e) {
            return List.of();
        }
        return cursors;
    }

    /**
     * A member's state from this instance's stores (interactive query); empty when the member is
     * unknown, lives on another instance, or the store cannot be queried now (rebalancing).
     */
    public Optional<MemberState> memberState(String memberId) {
        try {
            return Optional.ofNullable(members().get(memberId));
        } catch (InvalidStateStoreException e) {
            return Optional.empty();
        }
    }

    /**
     * A uniform random sample of up to {@code n} members of this instance's stores, for
     * simulating a rule set on real members. Reads every member once (reservoir sampling):
     * about a second per million members.
     */
    public List<Map.Entry<String, MemberState>> sampleMembers(int n, Random random) {
        List<Map.Entry<String, MemberState>> sample = new ArrayList<>(n);
        long seen = 0;
        try (KeyValueIterator<String, MemberState> it = members().all()) {
            while (it.hasNext()) {
                KeyValue<String, MemberState> kv = it.next();
                seen++;
                if (sample.size() < n) {
                    sample.add(Map.entry(kv.key, kv.value));
                } else {
                    long slot = (long) (random.nextDouble() * seen);
                    if (slot < n) {
                        sample.set((int) slot, Map.entry(kv.key, kv.value));
                    }
                }
            }
        } catch (InvalidStateStoreException e) {
            return List.of();
        }
        return sample;
    }

    /** The RFM breakpoints the engine classifies a brand's members with. */
    public Breakpoints breakpoints(String brandId) {
        try {
            byte[] raw = streams.store(StoreQueryParameters.fromNameAndType(EngineStores.RFM_BREAKPOINTS,
                    QueryableStoreTypes.<String, byte[]>keyValueStore())).get(brandId);
            if (raw != null) {
                return Topics.RFM_BREAKPOINTS.valueSerde().deserializer().deserialize(null, raw).toBreakpoints();
            }
        } catch (InvalidStateStoreException e) {
            // not queryable now: the defaults, as the engine itself uses before any are published
        }
        return defaultBreakpoints;
    }

    /** RocksDB's estimate of the members this instance holds; NaN while the store cannot be queried. */
    double approximateMembers() {
        try {
            return members().approximateNumEntries();
        } catch (InvalidStateStoreException e) {
            return Double.NaN;
        }
    }

    private ReadOnlyKeyValueStore<String, MemberState> members() {
        return streams.store(StoreQueryParameters.fromNameAndType(EngineStores.MEMBER_STATE,
                QueryableStoreTypes.<String, MemberState>keyValueStore()));
    }

    /**
     * Commits and stops. Leaves the consumer group, so that a restarted or remaining instance
     * rebalances at once instead of waiting out the session timeout of the one that left.
     */
    @Override
    public void close() {
        streamsMetrics.close();
        streams.close(CloseOptions.timeout(Duration.ofSeconds(10))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
}
