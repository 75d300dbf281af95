package org.memberflow.bench.sweep;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.memberflow.engine.member.EventFolder;
import org.memberflow.engine.member.MemberState;
import org.memberflow.rules.fact.EventType;
import org.memberflow.rules.fact.MemberEvent;
import org.memberflow.rules.fact.Profile;

/**
 * A population of members as the engine would hold them after a long history, built member by
 * member (so a million fit in a stream, not in memory): a registration with birthday, time zone
 * and tier, then Pareto-many purchases spread over the 400 days before {@code asOf} (some fall
 * out of the 365-day window). Each member's state is folded by the engine's own
 * {@link EventFolder}; each purchase is also handed out as a row, for the SQL side.
 */
final class MemberPopulation {
    private static final List<String> ZONES = List.of("Asia/Shanghai", "Asia/Shanghai", "Asia/Shanghai",
            "Asia/Hong_Kong", "Asia/Tokyo", "Europe/Paris", "America/Los_Angeles");
    private static final List<String> TIERS = List.of("silver", "silver", "silver", "gold", "platinum");
    static final int HISTORY_DAYS = 400;

    /** One purchase: the member's local day and the amount in fen. */
    interface PurchaseSink {
        void purchase(String memberId, LocalDate day, long amountFen);
    }

    private final long seed;
    private final LocalDate asOf;

    MemberPopulation(long seed, LocalDate asOf) {
        this.seed = seed;
        this.asOf = asOf;
    }

    static String memberId(int m) {
        return "p" + m;
    }

    /** Member {@code m}'s state, the same for the same seed; purchases go to {@code sink} too. */
    MemberState member(int m, PurchaseSink sink) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + m);
        String id = memberId(m);
        ZoneId zone = ZoneId.of(ZONES.get(r.nextInt(ZONES.size())));
        LocalDate firstDay = asOf.minusDays(HISTORY_DAYS);
        MemberState state = MemberState.newMember(MemberEvent.DEFAULT_BRAND);
        Profile profile = new Profile(LocalDate.of(1960 + r.nextInt(45), 1 + r.nextInt(12), 1 + r.nextInt(28)), zone,
                TIERS.get(r.nextInt(TIERS.size())), null, List.of("t" + r.nextInt(20)));
        fold(state, MemberEvent.builder("r" + m, id, EventType.REGISTERED, noon(firstDay, zone)).profile(profile).build());
        // Pareto (alpha 1.5) purchases over the history, about 1 to a few hundred
        int purchases = (int) Math.min(300, 1.5 / Math.pow(1 - r.nextDouble(), 1 / 1.5) * HISTORY_DAYS / 365.0);
        long[] days = new long[purchases];
        for (int i = 0; i < purchases; i++) {
            days[i] = firstDay.toEpochDay() + 1 + r.nextInt(HISTORY_DAYS);
        }
        Arrays.sort(days);
        for (int i = 0; i < purchases; i++) {
            LocalDate day = LocalDate.ofEpochDay(days[i]);
            long fen = 990 + (long) Math.exp(r.nextDouble() * 3.2 + 8.2);
            fold(state, MemberEvent.builder("e" + m + "-" + i, id, EventType.PURCHASE, noon(day, zone))
                    .orderId("o" + m + "-" + i).amount(BigDecimal.valueOf(fen, 2)).build());
            sink.purchase(id, day, fen);
        }
        return state;
    }

    /** As the engine folds an event: remembered for dedupe, then applied. */
    private static void fold(MemberState state, MemberEvent event) {
        state.recordSeen(event.getEventId());
        EventFolder.apply(state, event);
    }

    /** Noon in the member's zone: the purchase's local day is {@code day} whatever the zone. */
    private static Instant noon(LocalDate day, ZoneId zone) {
        return day.atTime(12, 0).atZone(zone).toInstant();
    }
}
