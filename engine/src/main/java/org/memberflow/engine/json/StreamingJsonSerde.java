package org.memberflow.engine.json;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * JSON for a record the engine sends for (nearly) every event or member it touches, written field
 * by field with Jackson's streaming generator: databind's record serializer, with its formatting
 * of instants, took a fifth of the stream thread (BENCHMARKS.md). A subclass writes the same bytes
 * as databind ({@code StreamingJsonSerdeTest} holds the two side by side), so readers see no
 * difference; reading uses databind.
 */
public abstract class StreamingJsonSerde<T> implements Serde<T> {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final JsonSerde<T> reader;

    protected StreamingJsonSerde(Class<T> type) {
        this.reader = new JsonSerde<>(type);
    }

    /** Writes {@code value}'s properties, in its record components' order, inside the object. */
    protected abstract void writeProperties(JsonGenerator g, T value);

    public final byte[] toJson(T value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            writeProperties(g, value);
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    @Override
    public final Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : toJson(value);
    }

    @Override
    public final Deserializer<T> deserializer() {
        return reader.deserializer();
    }

    protected static void instant(JsonGenerator g, String name, Instant instant) {
        g.writeStringProperty(name, instant == null ? null : IsoInstants.format(instant));
    }

    protected static void date(JsonGenerator g, String name, LocalDate date) {
        g.writeStringProperty(name, date == null ? null : date.toString());
    }

    protected static void decimal(JsonGenerator g, String name, BigDecimal value) {
        if (value == null) {
            g.writeNullProperty(name);
        } else {
            g.writeNumberProperty(name, value);
        }
    }

    protected static void strings(JsonGenerator g, String name, List<String> values) {
        g.writeName(name);
        if (values == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }
}
