package org.memberflow.engine.segment;

import org.memberflow.engine.json.StreamingJsonSerde;
import tools.jackson.core.JsonGenerator;

/** {@code member-segments} JSON: a sweep that reclasses a million members sends a million (see {@link StreamingJsonSerde}). */
public final class SegmentChangeSerde extends StreamingJsonSerde<SegmentChange> {

    public SegmentChangeSerde() {
        super(SegmentChange.class);
    }

    @Override
    protected void writeProperties(JsonGenerator g, SegmentChange c) {
        g.writeStringProperty("memberId", c.memberId());
        g.writeStringProperty("brandId", c.brandId());
        g.writeStringProperty("previousClass", c.previousClass());
        g.writeStringProperty("rfmClass", c.rfmClass());
        strings(g, "previousSegments", c.previousSegments());
        strings(g, "segments", c.segments());
        instant(g, "changedAt", c.changedAt());
    }
}
