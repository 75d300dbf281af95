package org.memberflow.engine.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.memberflow.engine.clock.ClockMode;
import org.memberflow.engine.segment.MemberSnapshot;
import org.memberflow.engine.support.EngineDriver;
import org.memberflow.engine.support.Events;
import org.memberflow.engine.topology.EngineOptions;

/** Each event type folded into the member's state, seen through member-snapshots. */
class StateFoldingTest {
    private final EngineDriver engine = new EngineDriver(EngineOptions.defaults().withClockMode(ClockMode.EVENT),
            Instant.parse("2026-01-01T00:00:00Z"));

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void shouldKeepTheProfileWithoutThePhoneNumber() {
        engine.send(Events.registered("m1", "2026-03-01T02:00:00Z",
                "{\"birthday\":\"1990-05-20\",\"timeZone\":\"Europe/Paris\",\"tier\":\"silver\",\"phone\":\"13800000000\",\"tags\":[\"vip\"]}"));
        engine.send("{\"eventId\":\"" + Events.next() + "\",\"memberId\":\"m1\",\"type\":\"PROFILE_UPDATED\","
                + "\"occurredAt\":\"2026-03-02T02:00:00Z\",\"profile\":{\"tier\":\"gold\"}}");

        MemberSnapshot s = engine.lastSnapshot("m1");
        assertThat(s.tier()).isEqualTo("gold");
        assertThat(s.birthday()).isEqualTo(LocalDate.of(1990, 5, 20));
        assertThat(s.timeZone()).isEqualTo("Europe/Paris");
        assertThat(s.tags()).containsExactly("vip");
        assertThat(s.registeredOn()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(s.toString()).doesNotContain("13800000000");
        assertThat(new MemberStateSerde().write(engine.memberStore().get("m1")))
                .asString().doesNotContain("13800000000");
    }

    @Test
    void shouldCountPurchasesAndUncountAFullyRefundedOrder() {
        engine.send(Events.purchase("m1", "2026-03-01T02:00:00Z", "o1", "100.00"));
        engine.send(Events.purchase("m1", "2026-03-05T02:00:00Z", "o2", "50.50"));
        MemberSnapshot afterPurchases = engine.lastSnapshot("m1");
        assertThat(afterPurchases.frequency()).isEqualTo(2);
        assertThat(afterPurchases.monetary()).isEqualByComparingTo("150.50");
        assertThat(afterPurchases.recencyDays()).isZero();

        engine.send(Events.refund("m1", "2026-03-06T02:00:00Z", "o2", "20.00"));
        MemberSnapshot partial = engine.lastSnapshot("m1");
        assertThat(partial.frequency()).isEqualTo(2);
        assertThat(partial.monetary()).isEqualByComparingTo("130.50");

        engine.send(Events.refund("m1", "2026-03-07T02:00:00Z", "o2", "30.50"));
        MemberSnapshot full = engine.lastSnapshot("m1");
        assertThat(full.frequency()).isEqualTo(1);
        assertThat(full.monetary()).isEqualByComparingTo("100.00");
        assertThat(full.lastPurchaseDate()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(full.recencyDays()).isEqualTo(6);
        assertThat(full.lifetimePurchases()).isEqualTo(1);
        assertThat(full.lifetimeSpend()).isEqualByComparingTo(new BigDecimal("100.00"));
    }

    @Test
    void shouldRedeemPointsFromTheSoonestExpiringLotFirst() {
        engine.send(Events.pointsEarned("m1", "2026-03-01T02:00:00Z", "late", 300, "2026-12-31T00:00:00Z"));
        engine.send(Events.pointsEarned("m1", "2026-03-01T03:00:00Z", "soon", 200, "2026-06-30T00:00:00Z"));
        engine.send(Events.pointsEarned("m1", "2026-03-01T04:00:00Z", "never", 50, null));
        engine.send(Events.pointsRedeemed("m1", "2026-03-02T02:00:00Z", 250));

        MemberState state = engine.memberStore().get("m1");
        assertThat(state.lots).extracting(MemberState.Lot::lotId, MemberState.Lot::points)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("late", 250L),
                        org.assertj.core.groups.Tuple.tuple("never", 50L));
        MemberSnapshot s = engine.lastSnapshot("m1");
        assertThat(s.pointsBalance()).isEqualTo(300);
        // 2026-12-31T00:00Z is the 31st in Shanghai
        assertThat(s.nextPointsExpiry()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void shouldDropPointsLotsOnceTheyExpire() {
        engine.send(Events.pointsEarned("m1", "2026-03-01T02:00:00Z", "a", 100, "2026-03-10T00:00:00Z"));
        engine.send(Events.checkIn("m1", "2026-03-11T02:00:00Z"));
        assertThat(engine.lastSnapshot("m1").pointsBalance()).isZero();
    }

    @Test
    void shouldCountTheCheckInStreakInTheMembersDays() {
        engine.send(Events.checkIn("m1", "2026-03-01T02:00:00Z"));
        engine.send(Events.checkIn("m1", "2026-03-02T02:00:00Z"));
        engine.send(Events.checkIn("m1", "2026-03-02T09:00:00Z")); // same day in Shanghai
        engine.send(Events.checkIn("m1", "2026-03-03T02:00:00Z"));
        assertThat(engine.lastSnapshot("m1").checkInStreak()).isEqualTo(3);

        engine.send(Events.checkIn("m1", "2026-03-05T02:00:00Z")); // a day missed
        assertThat(engine.lastSnapshot("m1").checkInStreak()).isEqualTo(1);
    }

    @Test
    void shouldKeepOnlyTheRfmWindowOfPurchaseDays() {
        for (int d = 0; d < 380; d++) {
            engine.send(Events.purchase("m1", Instant.parse("2025-01-01T02:00:00Z").plusSeconds(86_400L * d).toString(),
                    "o" + d, "1.00"));
        }
        MemberState state = engine.memberStore().get("m1");
        assertThat(state.purchases().size()).isEqualTo(365);
        assertThat(state.orders).hasSizeLessThanOrEqualTo(MemberState.MAX_ORDERS);
        assertThat(engine.lastSnapshot("m1").frequency()).isEqualTo(365);
    }
}
