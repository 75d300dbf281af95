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
import java.util.Random;
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

    /**
     * The digest as it was first written, reading every component by reflection: the hand-written
     * one must give the same values, since digests already kept in member states are compared
     * with it (a change would resend every snapshot once).
     */
    @Test
    void shouldGiveTheValuesOfTheReflectiveDigest() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            MemberSnapshot s = randomSnapshot(random);
            assertThat(SnapshotDigest.of(s)).as("%s", s).isEqualTo(ReflectiveDigest.of(s));
        }
    }

    private static MemberSnapshot randomSnapshot(Random r) {
        List<String> tags = r.nextInt(4) == 0 ? null : new ArrayList<>();
        int tagCount = r.nextInt(3);
        for (int i = 0; tags != null && i < tagCount; i++) {
            tags.add(r.nextBoolean() ? "vip" : "标签" + r.nextInt(100));
        }
        return new MemberSnapshot("m-" + r.nextInt(1_000_000), r.nextBoolean() ? "default" : null,
                r.nextBoolean() ? "gold" : null, tags, randomDate(r), r.nextBoolean() ? "Asia/Shanghai" : null,
                randomDate(r), r.nextBoolean() ? r.nextInt(400) : null, r.nextInt(50), randomMoney(r), r.nextInt(6),
                r.nextInt(6), r.nextInt(6), "general-keep", r.nextLong(), randomDate(r), randomDate(r), r.nextInt(500),
                randomMoney(r), r.nextInt(30), r.nextLong(), Instant.EPOCH);
    }

    private static LocalDate randomDate(Random r) {
        return r.nextInt(4) == 0 ? null : LocalDate.ofEpochDay(r.nextInt(40_000) - 10_000);
    }

    /** Money of every shape: fen at scale 2, trailing zeros, zero at any scale, negative scales, past a long. */
    private static BigDecimal randomMoney(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> null;
            case 1 -> BigDecimal.valueOf(r.nextInt(1_000_000), 2);
            case 2 -> BigDecimal.valueOf(r.nextInt(1_000) * 100L, 2 + r.nextInt(4));
            case 3 -> BigDecimal.valueOf(0, r.nextInt(10) - 3);
            case 4 -> BigDecimal.valueOf(r.nextInt(1_000) - 500, r.nextInt(10) - 5);
            default -> new BigDecimal(new java.math.BigInteger(70, r), r.nextInt(8));
        };
    }

    /** The first digest, kept as the reference. */
    private static final class ReflectiveDigest {
        private static long of(MemberSnapshot snapshot) throws Exception {
            long h = 0xcbf29ce484222325L;
            for (RecordComponent c : MemberSnapshot.class.getRecordComponents()) {
                if (!CALENDAR_FIELDS.contains(c.getName())) {
                    h = value(h, c.getAccessor().invoke(snapshot));
                }
            }
            return h;
        }

        private static long value(long h, Object v) {
            if (v == null) {
                return mix(h, 0x9e3779b97f4a7c15L);
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
            if (v instanceof BigDecimal d) {
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
            throw new AssertionError("no reference digest for " + v.getClass());
        }

        private static long mix(long h, long x) {
            for (int i = 0; i < 8; i++) {
                h ^= (x >>> (i * 8)) & 0xff;
                h *= 0x100000001b3L;
            }
            return h;
        }
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
