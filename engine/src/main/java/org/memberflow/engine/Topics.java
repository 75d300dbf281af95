package org.memberflow.engine;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.memberflow.engine.action.ActionSerde;
import org.memberflow.engine.action.CampaignAction;

/** The one place that binds each topic name to its serdes. */
public final class Topics {
    /** Member behaviour events, key = memberId. Raw bytes: validation happens in the topology. */
    public static final Topic<byte[], byte[]> MEMBER_EVENTS =
            new Topic<>("member-events", Serdes.ByteArray(), Serdes.ByteArray());
    /** Records that failed validation, as they came, with the reason in headers. */
    public static final Topic<byte[], byte[]> MEMBER_EVENTS_DLQ =
            new Topic<>("member-events-dlq", Serdes.ByteArray(), Serdes.ByteArray());
    /** Decisions for downstream systems, key = memberId. */
    public static final Topic<String, CampaignAction> CAMPAIGN_ACTIONS =
            new Topic<>("campaign-actions", Serdes.String(), new ActionSerde());

    private Topics() {
    }

    /** A topic name with the serdes of its keys and values. */
    public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
    }
}
