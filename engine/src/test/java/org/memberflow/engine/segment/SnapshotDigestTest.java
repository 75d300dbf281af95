package org.memberflow.engine.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnapshotDigestTest {
    private static final Set<String> CALENDAR_FIELDS = Set.of("recencyDays", "updatedAt");
    /** The digest of {@link #member()}, from the first run (2026-11-25). */
    private static final long KNOWN = -5670305381370348512L;

    private static MemberSnapshot member() {
        return new MemberSnapshot("m-1", "default", "gold", List.of("vip"), LocalDate.of(1990, 2, 28), "Asia/Shanghai",
                LocalDate.of(2025, 11, 1), 12, 7, new BigDecimal("1234.50"), 4, 3, 5, "important-value", 880,
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 11, 13), 31, new BigDecimal("8899.00"), 3, 120,
                Instant.parse("2026-11-25T08:30:00.123Z"));
    }

    @Test
    void shouldChangeWithEveryFieldButTheDayCountAndTheTime() throws Exception {
        MemberSnapshot base = member();
        long digest = SnapshotDigest.of(base);
        RecordComponent[] components = MemberSnapshot.class.getRecordComponents();
        Constructor<MemberSnapshot> constructor = MemberSnapshot.class.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        for (int i = 0; i < components.length; i++) {
            Object[] args = new Object[components.length];
            for (int j = 0; j < components.length; j++) {
                args[j] = components[j].getAccessor().invoke(base);
            }
            args[i] = other(args[i]);
            long changed = SnapshotDigest.of(constructor.newInstance(args));
            String name = components[i].getName();
            if (CALENDAR_FIELDS.contains(name)) {
                assertThat(changed).as(name).isEqualTo(digest);
            } else {
                assertThat(changed).as(name).isNotEqualTo(digest);
            }
        }
    }

    @Test
    void shouldBeStableAndCompareMoneyByValue() {
        assertThat(SnapshotDigest.of(member())).isEqualTo(SnapshotDigest.of(member()));
        MemberSnapshot m = member();
        MemberSnapshot sameMoney = new MemberSnapshot(m.memberId(), m.brandId(), m.tier(), m.tags(), m.birthday(),
                m.timeZone(), m.registeredOn(), m.recencyDays(), m.frequency(), new BigDecimal("1234.5"),
                m.recencyScore(), m.frequencyScore(), m.monetaryScore(), m.rfmClass(), m.pointsBalance(),
                m.nextPointsExpiry(), m.lastPurchaseDate(), m.lifetimePurchases(), m.lifetimeSpend(), m.checkInStreak(),
                m.eventCount(), m.updatedAt());
        assertThat(SnapshotDigest.of(sameMoney)).isEqualTo(SnapshotDigest.of(m));
        // a value known from an earlier run: the digest is kept in member-state, so it must not drift
        assertThat(SnapshotDigest.of(member())).isEqualTo(KNOWN);
    }

    /** A different value of the same type. */
    private static Object other(Object v) {
        if (v instanceof String s) {
            return s + "x";
        }
        if (v instanceof Integer n) {
            return n + 1;
        }
        if (v instanceof Long n) {
            return n + 1;
        }
        if (v instanceof LocalDate d) {
            return d.plusDays(1);
        }
        if (v instanceof BigDecimal d) {
            return d.add(BigDecimal.ONE);
        }
        if (v instanceof Instant t) {
            return t.plusSeconds(1);
        }
        if (v instanceof List<?> list) {
            List<Object> more = new ArrayList<>(list);
            more.add("x");
            return more;
        }
        throw new AssertionError("no other value for " + v.getClass() + ": teach this test and SnapshotDigest the type");
    }
}
