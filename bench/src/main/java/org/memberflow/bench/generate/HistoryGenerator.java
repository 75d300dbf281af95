package org.memberflow.bench.generate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Realistic member history from a fixed seed: N members, a year of events in time order.
 * Spend per member is Pareto (a few members spend most), purchases follow a weekly season
 * (weekends busier), and the mix is about 60% purchases, then check-ins, points earned and
 * redeemed (with expiry), browses, coupon redemptions and profile updates with birthdays and
 * time zones. Events are the engine's JSON contract, about 200 bytes each.
 *
 * <p>Generated member by member into a time-bucketed order is too costly for millions of events,
 * so events are emitted day by day: each day, every member draws their events for that day.
 */
public final class HistoryGenerator {
    public static final Instant START = Instant.parse("2025-11-01T00:00:00Z");
    private static final List<String> ZONES = List.of("Asia/Shanghai", "Asia/Shanghai", "Asia/Shanghai",
            "Asia/Hong_Kong", "Asia/Tokyo", "Europe/Paris", "America/Los_Angeles");
    private static final List<String> TIERS = List.of("silver", "silver", "silver", "gold", "platinum");
    private static final double[] WEEKDAY_FACTOR = {0.85, 0.8, 0.85, 0.9, 1.1, 1.35, 1.15}; // Mon..Sun

    /** One generated event: its member (the record key) and its JSON. */
    public record Event(String memberId, long timestampMillis, String json) {
    }

    private final int members;
    private final long seed;
    private final String idPrefix;
    private final double[] purchasesPerDay;

    public HistoryGenerator(int members, long seed) {
        this(members, seed, "");
    }

    /**
     * A history whose member and event ids start with {@code idPrefix}: several histories on one
     * broker (the fault scenarios share one) then never share a member.
     */
    public HistoryGenerator(int members, long seed, String idPrefix) {
        this.members = members;
        this.seed = seed;
        this.idPrefix = idPrefix;
        SplittableRandom r = new SplittableRandom(seed);
        purchasesPerDay = new double[members];
        for (int m = 0; m < members; m++) {
            // Pareto(alpha 1.5) purchases per year, from about 1 to a few hundred
            double perYear = Math.min(300, 1.5 / Math.pow(1 - r.nextDouble(), 1 / 1.5));
            purchasesPerDay[m] = perYear / 365.0;
        }
    }

    /** About how many events {@link #generate} will emit, for a progress bar. */
    public long expectedEvents() {
        double purchases = 0;
        for (double p : purchasesPerDay) {
            purchases += p * 365;
        }
        return members + (long) (purchases / 0.6);
    }

    public static String memberId(int m) {
        return "m" + m;
    }

    /** Emits every event of the year in time order (by day; within a day by member). */
    public void generate(Consumer<Event> sink) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        long seq = 0;
        for (int m = 0; m < members; m++) {
            Instant at = START.plusSeconds(r.nextInt(3600));
            sink.accept(event(idPrefix + memberId(m), at, "REGISTERED", seq++, profile(r)));
        }
        for (int day = 1; day < 365; day++) {
            Instant dayStart = START.plus(Duration.ofDays(day));
            double season = WEEKDAY_FACTOR[LocalDate.ofInstant(dayStart, ZoneId.of("UTC")).getDayOfWeek().ordinal()];
            for (int m = 0; m < members; m++) {
                double purchases = purchasesPerDay[m] * season;
                // other activity is two thirds of purchases: ~60% of all events are purchases
                double others = purchases * 0.67;
                int n = draw(r, purchases);
                for (int i = 0; i < n; i++) {
                    Instant at = dayStart.plusSeconds(r.nextInt(86_400));
                    long fen = 990 + (long) Math.exp(r.nextDouble() * 3.2 + 8.2);
                    sink.accept(event(idPrefix + memberId(m), at, "PURCHASE", seq++, ",\"orderId\":\"o" + seq + "\",\"amount\":"
                            + fen / 100 + "." + String.format("%02d", fen % 100) + ",\"storeId\":\"s" + r.nextInt(300)
                            + "\",\"channel\":\"" + (r.nextBoolean() ? "pos" : "mini-program") + "\""));
                }
                int k = draw(r, others);
                for (int i = 0; i < k; i++) {
                    Instant at = dayStart.plusSeconds(r.nextInt(86_400));
                    sink.accept(other(r, idPrefix + memberId(m), at, seq++));
                }
            }
        }
    }

    private static int draw(SplittableRandom r, double mean) {
        int n = (int) mean;
        return n + (r.nextDouble() < mean - n ? 1 : 0);
    }

    private Event other(SplittableRandom r, String member, Instant at, long seq) {
        int roll = r.nextInt(100);
        if (roll < 40) {
            return event(member, at, "CHECK_IN", seq, "");
        } else if (roll < 65) {
            return event(member, at, "POINTS_EARNED", seq, ",\"points\":" + (50 + r.nextInt(400)) + ",\"lotId\":\"l" + seq
                    + "\",\"expiresAt\":\"" + at.plus(Duration.ofDays(180 + r.nextInt(200))) + "\"");
        } else if (roll < 75) {
            return event(member, at, "POINTS_REDEEMED", seq, ",\"points\":" + (20 + r.nextInt(200)));
        } else if (roll < 90) {
            return event(member, at, "BROWSE", seq, ",\"attributes\":{\"page\":\"p" + r.nextInt(500) + "\"}");
        } else if (roll < 96) {
            return event(member, at, "COUPON_REDEEMED", seq, ",\"couponId\":\"c" + r.nextInt(100_000) + "\"");
        }
        return event(member, at, "PROFILE_UPDATED", seq, ",\"profile\":{\"tier\":\"" + TIERS.get(r.nextInt(TIERS.size())) + "\"}");
    }

    private static String profile(SplittableRandom r) {
        LocalDate birthday = LocalDate.of(1960 + r.nextInt(45), 1 + r.nextInt(12), 1 + r.nextInt(28));
        return ",\"profile\":{\"birthday\":\"" + birthday + "\",\"timeZone\":\"" + ZONES.get(r.nextInt(ZONES.size()))
                + "\",\"tier\":\"" + TIERS.get(r.nextInt(TIERS.size())) + "\",\"tags\":[\"t" + r.nextInt(20) + "\"]}";
    }

    private Event event(String member, Instant at, String type, long seq, String rest) {
        return new Event(member, at.toEpochMilli(), "{\"eventId\":\"" + idPrefix + "e" + seq + "\",\"memberId\":\"" + member
                + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + at + "\"" + rest + "}");
    }
}
