package org.memberflow.engine.segment;

import org.memberflow.engine.json.StreamingJsonSerde;
import tools.jackson.core.JsonGenerator;

/** {@code member-snapshots} JSON: one snapshot is written per event (see {@link StreamingJsonSerde}). */
public final class MemberSnapshotSerde extends StreamingJsonSerde<MemberSnapshot> {

    public MemberSnapshotSerde() {
        super(MemberSnapshot.class);
    }

    @Override
    protected void writeProperties(JsonGenerator g, MemberSnapshot s) {
        g.writeStringProperty("memberId", s.memberId());
        g.writeStringProperty("brandId", s.brandId());
        g.writeStringProperty("tier", s.tier());
        strings(g, "tags", s.tags());
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
        instant(g, "updatedAt", s.updatedAt());
    }
}
