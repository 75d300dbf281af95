package org.memberflow.api.readmodel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.memberflow.engine.segment.MemberSnapshot;
import tools.jackson.databind.json.JsonMapper;

/** A row of the {@code member} table: a snapshot, its tags as a JSON array. */
record MemberRow(String memberId, String brandId, String tier, String tags, LocalDate birthday, String timeZone,
        LocalDate registeredOn, Integer recencyDays, int frequency, BigDecimal monetary, int recencyScore,
        int frequencyScore, int monetaryScore, String rfmClass, long pointsBalance, LocalDate nextPointsExpiry,
        LocalDate lastPurchaseDate, long lifetimePurchases, BigDecimal lifetimeSpend, int checkInStreak,
        long eventCount, Instant updatedAt) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static MemberRow of(MemberSnapshot s) {
        return new MemberRow(s.memberId(), s.brandId(), s.tier(), JSON.writeValueAsString(s.tags() == null
                ? List.of() : s.tags()), s.birthday(), s.timeZone(), s.registeredOn(), s.recencyDays(),
                s.frequency(), s.monetary(), s.recencyScore(), s.frequencyScore(), s.monetaryScore(), s.rfmClass(),
                s.pointsBalance(), s.nextPointsExpiry(), s.lastPurchaseDate(), s.lifetimePurchases(), s.lifetimeSpend(),
                s.checkInStreak(), s.eventCount(), s.updatedAt());
    }
}
