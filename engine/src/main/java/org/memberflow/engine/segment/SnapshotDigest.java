package org.memberflow.engine.segment;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A 64-bit fingerprint of a {@link MemberSnapshot} without the fields that change with the
 * calendar alone ({@code recencyDays}, which follows from lastPurchaseDate, and
 * {@code updatedAt}). When it equals the last one sent, the read model already has this member
 * right, so a sweep need not send the snapshot again.
 *
 * <p>Every other component of the record is in it, found by reflection once, so that a field
 * added to the snapshot cannot be forgotten here; a component of a type without a stable hash
 * below fails the first digest (and the tests). Stable across JVMs and restarts (no identity or
 * salted hashes), because the last digest is kept in the member's state. FNV-1a over the values.
 */
public final class SnapshotDigest {
    private static final Set<String> CALENDAR_FIELDS = Set.of("recencyDays", "updatedAt");
    private static final Method[] FIELDS = Arrays.stream(MemberSnapshot.class.getRecordComponents())
            .filter(c -> !CALENDAR_FIELDS.contains(c.getName()))
            .map(RecordComponent::getAccessor)
            .toArray(Method[]::new);
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    private static final long NULL = 0x9e3779b97f4a7c15L;

    private SnapshotDigest() {
    }

    public static long of(MemberSnapshot snapshot) {
        long h = OFFSET;
        for (Method field : FIELDS) {
            h = value(h, read(field, snapshot));
        }
        return h;
    }

    private static Object read(Method field, MemberSnapshot snapshot) {
        try {
            return field.invoke(snapshot);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + field.getName() + " of a snapshot", e);
        }
    }

    private static long value(long h, Object v) {
        if (v == null) {
            return mix(h, NULL);
        }
        if (v instanceof String s) {
            h = mix(h, s.length());
            for (int i = 0; i < s.length(); i++) {
                h = mix(h, s.charAt(i));
            }
            return h;
        }
        if (v instanceof Integer || v instanceof Long) {
            return mix(h, ((Number) v).longValue());
        }
        if (v instanceof LocalDate d) {
            return mix(h, d.toEpochDay());
        }
        if (v instanceof BigDecimal d) { // money: compared by value, 1.50 the same as 1.5
            BigDecimal n = d.stripTrailingZeros();
            return mix(mix(h, n.scale()), n.unscaledValue().longValue());
        }
        if (v instanceof List<?> list) {
            h = mix(h, list.size());
            for (Object item : list) {
                h = value(h, item);
            }
            return h;
        }
        throw new IllegalStateException("no stable digest for a snapshot field of " + v.getClass());
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
