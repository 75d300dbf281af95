package org.memberflow.engine.topology;

import java.time.Clock;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.memberflow.engine.Topics;
import org.memberflow.engine.action.CampaignAction;
import org.memberflow.rules.session.RuleRunner;

/**
 * The engine's topology, in one method that the application and the {@code TopologyTestDriver}
 * tests both call: member-events → validate → rules → campaign-actions, bad input → DLQ.
 */
public final class EngineTopology {
    private EngineTopology() {
    }

    public static StreamsBuilder build(StreamsBuilder builder, RuleRunner rules, Clock clock) {
        KStream<byte[], Routed> routed = builder
                .stream(Topics.MEMBER_EVENTS.name(), Consumed.with(Topics.MEMBER_EVENTS.keySerde(),
                        Topics.MEMBER_EVENTS.valueSerde()).withName("member-events-source"))
                .process(() -> new EventProcessor(rules, clock), Named.as("evaluate-event"));

        routed.split(Named.as("route-"))
                .branch((key, value) -> value instanceof Routed.DeadLetter, Branched.withConsumer(dlq -> dlq
                        .mapValues(v -> ((Routed.DeadLetter) v).payload(), Named.as("dead-letter-payload"))
                        .to(Topics.MEMBER_EVENTS_DLQ.name(), Produced.with(Topics.MEMBER_EVENTS_DLQ.keySerde(),
                                Topics.MEMBER_EVENTS_DLQ.valueSerde())), "dead-letters"))
                .defaultBranch(Branched.withConsumer(actions -> actions
                        .map((key, v) -> {
                            CampaignAction action = ((Routed.Action) v).action();
                            return KeyValue.pair(action.memberId(), action);
                        }, Named.as("action-by-member"))
                        .to(Topics.CAMPAIGN_ACTIONS.name(), Produced.with(Topics.CAMPAIGN_ACTIONS.keySerde(),
                                Topics.CAMPAIGN_ACTIONS.valueSerde())), "actions"));
        return builder;
    }
}
