package org.memberflow.engine.json;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.json.JsonMapper;

/** JSON for one record type on one topic. Immutable; one shared mapper. */
public final class JsonSerde<T> implements Serde<T> {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private final Class<T> type;

    public JsonSerde(Class<T> type) {
        this.type = type;
    }

    public byte[] toJson(T value) {
        return MAPPER.writeValueAsBytes(value);
    }

    public T fromJson(byte[] bytes) {
        return MAPPER.readValue(bytes, type);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : toJson(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : fromJson(bytes);
    }
}
