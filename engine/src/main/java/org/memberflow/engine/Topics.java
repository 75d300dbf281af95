package org.memberflow.engine;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.memberflow.engine.action.CampaignAction;
import org.memberflow.engine.action.CampaignActionSerde;
import org.memberflow.engine.clock.TickRecord;
import org.memberflow.engine.json.JsonSerde;
import org.memberflow.engine.segment.BreakpointsRecord;
import org.memberflow.engine.segment.MemberSnapshot;
import org.memberflow.engine.segment.MemberSnapshotSerde;
import org.memberflow.engine.segment.SegmentChange;
import org.memberflow.engine.segment.SegmentChangeSerde;
import org.memberflow.engine.ruleset.RuleSetRecord;

/** The one place that binds each topic name to its serdes. */
public final class Topics {
    /** Member behaviour events, key = memberId. Raw bytes: validation happens in the topology. */
    public static final Topic<byte[], byte[]> MEMBER_EVENTS =
            new Topic<>("member-events", Serdes.ByteArray(), Serdes.ByteArray());
    /** Records that failed validation, as they came, with the reason in headers. */
    public static final Topic<byte[], byte[]> MEMBER_EVENTS_DLQ =
            new Topic<>("member-events-dlq", Serdes.ByteArray(), Serdes.ByteArray());
    /** Ticks of the scheduled jobs; co-partitioned with member-events. */
    public static final Topic<String, TickRecord> ENGINE_CLOCK =
            new Topic<>("engine-clock", Serdes.String(), new JsonSerde<>(TickRecord.class));
    /** Every decision of the rules, before the guardrails, key = memberId. Read by the delivery stage. */
    public static final Topic<String, CampaignAction> CAMPAIGN_DECISIONS =
            new Topic<>("campaign-decisions", Serdes.String(), new CampaignActionSerde());
    /**
     * The contract for downstream systems: the decisions that passed the guardrails (caps, budget,
     * control group, quiet hours), each once, key = memberId. Written by the delivery stage.
     */
    public static final Topic<String, CampaignAction> CAMPAIGN_ACTIONS =
            new Topic<>("campaign-actions", Serdes.String(), new CampaignActionSerde());
    /** Class and segment changes, compacted, key = memberId. */
    public static final Topic<String, SegmentChange> MEMBER_SEGMENTS =
            new Topic<>("member-segments", Serdes.String(), new SegmentChangeSerde());
    /** The read-model feed, compacted, key = memberId. */
    public static final Topic<String, MemberSnapshot> MEMBER_SNAPSHOTS =
            new Topic<>("member-snapshots", Serdes.String(), new MemberSnapshotSerde());
    /** RFM breakpoints and means, compacted, key = brandId. */
    public static final Topic<String, BreakpointsRecord> RFM_BREAKPOINTS =
            new Topic<>("rfm-breakpoints", Serdes.String(), new JsonSerde<>(BreakpointsRecord.class));
    /** The active rule set with its files, compacted, one key ({@link RuleSetRecord#KEY}). */
    public static final Topic<String, RuleSetRecord> RULE_SETS =
            new Topic<>("rule-sets", Serdes.String(), new JsonSerde<>(RuleSetRecord.class));

    private Topics() {
    }

    /** A topic name with the serdes of its keys and values. */
    public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
    }
}
