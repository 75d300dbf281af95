package org.memberflow.engine.action;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.json.JsonMapper;

/** JSON for {@link CampaignAction}: the wire format downstream systems read. Immutable. */
public final class ActionSerde implements Serde<CampaignAction> {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    public byte[] toJson(CampaignAction action) {
        return MAPPER.writeValueAsBytes(action);
    }

    public CampaignAction fromJson(byte[] bytes) {
        return MAPPER.readValue(bytes, CampaignAction.class);
    }

    @Override
    public Serializer<CampaignAction> serializer() {
        return (topic, action) -> action == null ? null : toJson(action);
    }

    @Override
    public Deserializer<CampaignAction> deserializer() {
        return (topic, bytes) -> bytes == null ? null : fromJson(bytes);
    }
}
