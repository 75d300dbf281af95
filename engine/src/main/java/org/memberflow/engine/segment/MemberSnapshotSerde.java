package org.memberflow.engine.segment;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.memberflow.engine.json.JsonSerde;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code member-snapshots} JSON. One snapshot is written per event, so it is written field by
 * field with Jackson's streaming generator: databind's record serializer took a fifth of the
 * stream thread (BENCHMARKS.md). The bytes are the same as databind's (MemberSnapshotSerdeTest
 * holds the two side by side); reading uses databind.
 */
public final class MemberSnapshotSerde implements Serde<MemberSnapshot> {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final JsonSerde<MemberSnapshot> reader = new JsonSerde<>(MemberSnapshot.class);

    public static byte[] toJson(MemberSnapshot s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            g.writeStringProperty("memberId", s.memberId());
            g.writeStringProperty("brandId", s.brandId());
            g.writeStringProperty("tier", s.tier());
            g.writeName("tags");
            if (s.tags() == null) {
                g.writeNull();
            } else {
                g.writeStartArray();
                for (String tag : s.tags()) {
                    g.writeString(tag);
                }
                g.writeEndArray();
            }
            date(g, "birthday", s.birthday());
            g.writeStringProperty("timeZone", s.timeZone());
            date(g, "registeredOn", s.registeredOn());
            g.writeName("recencyDays");
            if (s.recencyDays() == null) {
                g.writeNull();
            } else {
                g.writeNumber(s.recencyDays().intValue());
            }
            g.writeNumberProperty("frequency", s.frequency());
            decimal(g, "monetary", s.monetary());
            g.writeNumberProperty("recencyScore", s.recencyScore());
            g.writeNumberProperty("frequencyScore", s.frequencyScore());
            g.writeNumberProperty("monetaryScore", s.monetaryScore());
            g.writeStringProperty("rfmClass", s.rfmClass());
            g.writeNumberProperty("pointsBalance", s.pointsBalance());
            date(g, "nextPointsExpiry", s.nextPointsExpiry());
            date(g, "lastPurchaseDate", s.lastPurchaseDate());
            g.writeNumberProperty("lifetimePurchases", s.lifetimePurchases());
            decimal(g, "lifetimeSpend", s.lifetimeSpend());
            g.writeNumberProperty("checkInStreak", s.checkInStreak());
            g.writeNumberProperty("eventCount", s.eventCount());
            g.writeStringProperty("updatedAt", s.updatedAt() == null ? null : s.updatedAt().toString());
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void date(JsonGenerator g, String name, LocalDate date) {
        g.writeStringProperty(name, date == null ? null : date.toString());
    }

    private static void decimal(JsonGenerator g, String name, BigDecimal value) {
        if (value == null) {
            g.writeNullProperty(name);
        } else {
            g.writeNumberProperty(name, value);
        }
    }

    @Override
    public Serializer<MemberSnapshot> serializer() {
        return (topic, value) -> value == null ? null : toJson(value);
    }

    @Override
    public Deserializer<MemberSnapshot> deserializer() {
        return reader.deserializer();
    }
}
