package org.memberflow.engine.segment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The contract of {@code member-snapshots} (compacted, key = memberId): the read-model feed. The
 * profile without personal data, R/F/M values and scores, class, points, last purchase, counters.
 */
public record MemberSnapshot(
        String memberId,
        String brandId,
        String tier,
        List<String> tags,
        LocalDate birthday,
        String timeZone,
        LocalDate registeredOn,
        Integer recencyDays,
        int frequency,
        BigDecimal monetary,
        int recencyScore,
        int frequencyScore,
        int monetaryScore,
        String rfmClass,
        long pointsBalance,
        LocalDate nextPointsExpiry,
        LocalDate lastPurchaseDate,
        long lifetimePurchases,
        BigDecimal lifetimeSpend,
        int checkInStreak,
        long eventCount,
        Instant updatedAt) {
}
