package org.memberflow.rules.fact;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A lot of points (积分批次) the member still holds: earned together, expiring together. One fact
 * per lot. {@code expiresOn} and {@code daysUntilExpiry} are null for points that never expire.
 */
public final class PointsLot {
    private final String lotId;
    private final long points;
    private final Instant expiresAt;
    private final LocalDate expiresOn;
    private final Integer daysUntilExpiry;

    public PointsLot(String lotId, long points, Instant expiresAt, LocalDate expiresOn, Integer daysUntilExpiry) {
        this.lotId = lotId;
        this.points = points;
        this.expiresAt = expiresAt;
        this.expiresOn = expiresOn;
        this.daysUntilExpiry = daysUntilExpiry;
    }

    public String getLotId() {
        return lotId;
    }

    /** Points left in the lot after redemptions (which use the soonest-expiring lots first). */
    public long getPoints() {
        return points;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    /** The date of expiry in the member's time zone. */
    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    /** Days from today to the expiry date: 0 on the day itself. */
    public Integer getDaysUntilExpiry() {
        return daysUntilExpiry;
    }
}
