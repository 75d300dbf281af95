package org.memberflow.engine.topology;

import java.time.Clock;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.memberflow.engine.Topics;
import org.memberflow.engine.Topics.Topic;
import org.memberflow.engine.member.MemberEvaluator;
import org.memberflow.rules.session.Rules;

/**
 * The engine's topology, in one method that the application and the {@code TopologyTestDriver}
 * tests both call:
 *
 * <pre>
 * member-events ─┐                                  ┌─► campaign-decisions
 * engine-clock ──┴─► member processor (state, rules)┼─► member-segments
 *   rfm-breakpoints (global) ─┘                     ├─► member-snapshots
 *                                                   └─► member-events-dlq
 * </pre>
 */
public final class EngineTopology {
    private EngineTopology() {
    }

    public static StreamsBuilder build(StreamsBuilder builder, Rules rules, EngineOptions options, Clock clock) {
        return build(builder, rules, options, clock, EngineMeters.none());
    }

    public static StreamsBuilder build(StreamsBuilder builder, Rules rules, EngineOptions options, Clock clock,
            EngineMeters meters) {
        BreakpointsLookup breakpoints = new BreakpointsLookup(options.defaultBreakpoints());
        builder.addStateStore(EngineStores.memberState(options.storeKind()));
        builder.addStateStore(EngineStores.sweeps(options.storeKind()));
        builder.addGlobalStore(EngineStores.breakpoints(options.storeKind()), Topics.RFM_BREAKPOINTS.name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("rfm-breakpoints-source"),
                () -> new BreakpointsUpdater(breakpoints));

        MemberEvaluator evaluator = new MemberEvaluator(rules, options.windowDays());
        KStream<byte[], Routed> routed = builder
                .stream(List.of(Topics.MEMBER_EVENTS.name(), Topics.ENGINE_CLOCK.name()),
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("member-input"))
                .process(() -> new MemberProcessor(evaluator, breakpoints, options, clock, meters), Named.as("member-processor"),
                        EngineStores.MEMBER_STATE, EngineStores.SWEEPS);

        routed.split(Named.as("route-"))
                .branch((k, v) -> v instanceof Routed.DeadLetter, Branched.withConsumer(s -> s
                        .mapValues(v -> ((Routed.DeadLetter) v).payload(), Named.as("dead-letter-payload"))
                        .to(Topics.MEMBER_EVENTS_DLQ.name(), produced(Topics.MEMBER_EVENTS_DLQ, "dlq-sink")), "dead-letters"))
                .branch((k, v) -> v instanceof Routed.Action, Branched.withConsumer(s -> s
                        .map((k, v) -> KeyValue.pair(((Routed.Action) v).action().memberId(), ((Routed.Action) v).action()),
                                Named.as("action-by-member"))
                        .to(Topics.CAMPAIGN_DECISIONS.name(), produced(Topics.CAMPAIGN_DECISIONS, "actions-sink")), "actions"))
                .branch((k, v) -> v instanceof Routed.SegmentMove, Branched.withConsumer(s -> s
                        .map((k, v) -> KeyValue.pair(((Routed.SegmentMove) v).change().memberId(),
                                ((Routed.SegmentMove) v).change()), Named.as("segment-by-member"))
                        .to(Topics.MEMBER_SEGMENTS.name(), produced(Topics.MEMBER_SEGMENTS, "segments-sink")), "segments"))
                .defaultBranch(Branched.withConsumer(s -> s
                        .map((k, v) -> KeyValue.pair(((Routed.Snapshot) v).snapshot().memberId(),
                                ((Routed.Snapshot) v).snapshot()), Named.as("snapshot-by-member"))
                        .to(Topics.MEMBER_SNAPSHOTS.name(), produced(Topics.MEMBER_SNAPSHOTS, "snapshots-sink")), "snapshots"));
        return builder;
    }

    private static <K, V> Produced<K, V> produced(Topic<K, V> topic, String name) {
        return Produced.with(topic.keySerde(), topic.valueSerde()).withName(name);
    }
}
