package org.memberflow.bench.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.memberflow.bench.generate.HistoryGenerator;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.memberflow.engine.Topics;
import org.memberflow.engine.member.MemberState;
import org.memberflow.engine.member.MemberStateSerde;
import org.memberflow.engine.topology.EngineStores;
import org.memberflow.engine.topology.EngineOptions;
import org.memberflow.engine.topology.EngineTopology;
import org.memberflow.rules.session.BuiltInRuleSet;
import org.memberflow.rules.session.RuleRunner;
import org.memberflow.rules.session.Rules;

/**
 * The pipeline ladder on one broker, in one run: the producer and consumer ceilings, then three
 * topologies over the same generated history, each with exactly_once_v2:
 * S0 passthrough, S2 the engine without Drools (validation, dedupe, state, RFM), S3 the full
 * engine with the built-in campaigns, and S3's event → action latency at a fixed offered load.
 */
public final class Ladder {
    /**
     * Each rung is measured this many times, in turn (S0, S2, S3, then again), each time as a new
     * application over the whole history: a rung's figure is all its rounds together.
     */
    static final int ROUNDS = 2;

    private Ladder() {
    }

    /** What one run of the ladder measured. */
    public record Result(int members, long events, int streamThreads, Throughput producer, Throughput consumer,
            Throughput warmUp, Throughput s0, Throughput s2, Throughput s3, Latency latencyLow, Latency latency,
            double stateBytesPerMember) {
    }

    /**
     * What to run: the history, the latency loads and the engine's threads. Latency is measured
     * twice: at {@code latencyLowPerSecond}, a load the engine keeps up with, and at
     * {@code latencyPerSecond}, the target's load.
     */
    public record Plan(int members, long seed, int latencyLowPerSecond, int latencyPerSecond, int latencySeconds,
            int streamThreads, int partitions, Duration rungLimit) {
    }

    /**
     * Before the rungs, the full engine makes one unmeasured pass over the history (under its own
     * application id), so that every rung runs JIT-compiled code: on 2 cores the C2 compiler
     * threads otherwise took a third of the CPU of the measured window.
     */
    public static Result run(Plan plan) throws Exception {
        int members = plan.members();
        Duration rungLimit = plan.rungLimit();
        StreamsRun runs = new StreamsRun(plan.streamThreads());
        try (BenchBroker broker = new BenchBroker(plan.partitions())) {
            HistoryGenerator generator = new HistoryGenerator(members, plan.seed());
            Throughput producer = Ceilings.produce(broker.bootstrapServers(), generator);
            long events = producer.events();
            Throughput consumer = Ceilings.consume(broker.bootstrapServers(), broker.partitions(), events);
            RuleRunner builtIn = new RuleRunner(BuiltInRuleSet.compile(), 100);
            Throughput warmUp = rung(runs, broker, "warm-up pass (S3, cold JIT)", "bench-warm-up", engine(builtIn), events,
                    rungLimit);
            List<Throughput> s0 = new ArrayList<>();
            List<Throughput> s2 = new ArrayList<>();
            List<Throughput> s3 = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                s0.add(rung(runs, broker, "S0 passthrough", "bench-s0-" + round, passthrough(), events, rungLimit));
                s2.add(rung(runs, broker, "S2 state + RFM, no Drools", "bench-s2-" + round, engine(Rules.none()), events,
                        rungLimit));
                if (round < ROUNDS) {
                    s3.add(rung(runs, broker, "S3 full engine", "bench-s3-" + round, engine(builtIn), events, rungLimit));
                }
            }
            // The last round's S3 stays up: its state is measured, and the latency probes drive it.
            String appId = "bench-s3-" + ROUNDS;
            try (StreamsRun.Started s3Run = runs.start(broker, appId, engine(builtIn))) {
                s3.add(runs.measure(broker, "S3 full engine", appId, s3Run, events, rungLimit));
                System.err.printf("S3 full engine: %,.0f events/s%n", s3.get(s3.size() - 1).eventsPerSecond());
                double stateBytes = stateBytesPerMember(s3Run.streams());
                Latency low = LatencyProbe.run(broker.bootstrapServers(), "low", plan.latencyLowPerSecond(),
                        plan.latencySeconds());
                Latency latency = LatencyProbe.run(broker.bootstrapServers(), "target", plan.latencyPerSecond(),
                        plan.latencySeconds());
                return new Result(members, events, plan.streamThreads(), producer, consumer, warmUp,
                        Throughput.ofRounds(s0), Throughput.ofRounds(s2), Throughput.ofRounds(s3), low, latency,
                        stateBytes);
            }
        }
    }

    /** The average size of a member's stored state after the year, read by interactive query. */
    private static double stateBytesPerMember(KafkaStreams streams) {
        MemberStateSerde serde = new MemberStateSerde();
        long bytes = 0;
        long members = 0;
        try (KeyValueIterator<String, MemberState> all = streams.store(StoreQueryParameters.fromNameAndType(
                EngineStores.MEMBER_STATE, QueryableStoreTypes.<String, MemberState>keyValueStore())).all()) {
            while (all.hasNext()) {
                bytes += serde.write(all.next().value).length;
                members++;
            }
        }
        return members == 0 ? 0 : (double) bytes / members;
    }

    private static Throughput rung(StreamsRun runs, BenchBroker broker, String stage, String appId, Topology topology,
            long events, Duration limit) throws Exception {
        try (StreamsRun.Started started = runs.start(broker, appId, topology)) {
            Throughput t = runs.measure(broker, stage, appId, started, events, limit);
            System.err.printf("%s: %,.0f events/s%n", stage, t.eventsPerSecond());
            return t;
        }
    }

    private static Topology passthrough() {
        StreamsBuilder b = new StreamsBuilder();
        b.stream(Topics.MEMBER_EVENTS.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to(BenchBroker.PASSTHROUGH_SINK, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        return b.build();
    }

    /**
     * The engine as it replays history: today is each event's own time (the event clock). On the
     * wall clock a year-old history would look a year overdue, and churn recall would fire on
     * nearly every purchase: the rung would measure an action storm no live stream produces.
     */
    private static Topology engine(Rules rules) {
        return EngineTopology.build(new StreamsBuilder(), rules, EngineOptions.defaults().withClockMode(StreamsRun.CLOCK),
                Clock.systemUTC()).build();
    }
}
