package org.memberflow.engine.segment;

import java.time.Instant;
import java.util.List;

/**
 * The contract of {@code member-segments} (compacted, key = memberId): sent only when the member's
 * class or segment list changes, with the previous and the new value.
 */
public record SegmentChange(String memberId, String brandId, String previousClass, String rfmClass,
        List<String> previousSegments, List<String> segments, Instant changedAt) {
}
