package org.memberflow.engine.segment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A 64-bit fingerprint of a {@link MemberSnapshot} without the fields that change with the
 * calendar alone ({@code recencyDays}, which follows from lastPurchaseDate, and
 * {@code updatedAt}). When it equals the last one sent, the read model already has this member
 * right, so a sweep need not send the snapshot again.
 *
 * <p>Every other component is in it, in the record's order, written out by hand: every swept
 * member is digested, and reading the components by reflection was most of the digest's cost.
 * {@code SnapshotDigestTest} changes each component in turn, so a component added to the record
 * and forgotten here fails it. Stable across JVMs and restarts (no identity or salted hashes),
 * because the last digest is kept in the member's state: FNV-1a over the values.
 */
public final class SnapshotDigest {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    private static final long NULL = 0x9e3779b97f4a7c15L;

    private SnapshotDigest() {
    }

    public static long of(MemberSnapshot s) {
        long h = OFFSET;
        h = string(h, s.memberId());
        h = string(h, s.brandId());
        h = string(h, s.tier());
        h = strings(h, s.tags());
        h = date(h, s.birthday());
        h = string(h, s.timeZone());
        h = date(h, s.registeredOn());
        h = mix(h, s.frequency());
        h = money(h, s.monetary());
        h = mix(h, s.recencyScore());
        h = mix(h, s.frequencyScore());
        h = mix(h, s.monetaryScore());
        h = string(h, s.rfmClass());
        h = mix(h, s.pointsBalance());
        h = date(h, s.nextPointsExpiry());
        h = date(h, s.lastPurchaseDate());
        h = mix(h, s.lifetimePurchases());
        h = money(h, s.lifetimeSpend());
        h = mix(h, s.checkInStreak());
        return mix(h, s.eventCount());
    }

    private static long string(long h, String s) {
        if (s == null) {
            return mix(h, NULL);
        }
        h = mix(h, s.length());
        for (int i = 0; i < s.length(); i++) {
            h = mix(h, s.charAt(i));
        }
        return h;
    }

    private static long strings(long h, List<String> list) {
        if (list == null) {
            return mix(h, NULL);
        }
        h = mix(h, list.size());
        for (String s : list) {
            h = string(h, s);
        }
        return h;
    }

    private static long date(long h, LocalDate d) {
        return d == null ? mix(h, NULL) : mix(h, d.toEpochDay());
    }

    /**
     * Money by value, 1.50 the same as 1.5: the scale and unscaled value without trailing zeros,
     * as {@link BigDecimal#stripTrailingZeros} gives them, worked out on a long where they fit.
     */
    private static long money(long h, BigDecimal d) {
        if (d == null) {
            return mix(h, NULL);
        }
        if (d.precision() > 18) {
            BigDecimal n = d.stripTrailingZeros();
            return mix(mix(h, n.scale()), n.unscaledValue().longValue());
        }
        long unscaled = d.unscaledValue().longValue();
        int scale = d.scale();
        if (unscaled == 0) {
            scale = 0;
        }
        while (unscaled != 0 && unscaled % 10 == 0) {
            unscaled /= 10;
            scale--;
        }
        return mix(mix(h, scale), unscaled);
    }

    /** FNV-1a, a byte at a time, over the eight bytes of {@code x}. */
    private static long mix(long h, long x) {
        for (int i = 0; i < 8; i++) {
            h ^= (x >>> (i * 8)) & 0xff;
            h *= PRIME;
        }
        return h;
    }
}
