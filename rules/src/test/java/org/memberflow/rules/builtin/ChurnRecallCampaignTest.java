package org.memberflow.rules.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.memberflow.rules.builtin.BuiltIns.decide;
import static org.memberflow.rules.builtin.BuiltIns.imported;
import static org.memberflow.rules.builtin.BuiltIns.member;
import static org.memberflow.rules.builtin.BuiltIns.of;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.memberflow.rules.decision.ActionType;
import org.memberflow.rules.decision.Decision;
import org.memberflow.rules.fact.EventType;
import org.memberflow.rules.fact.MemberEvent;
import org.memberflow.rules.fact.MemberView;
import org.memberflow.rules.fact.Tick;

/** 流失召回: churn-recall.drl, a come-back coupon at 30 days without a purchase and a stronger one at 60. */
class ChurnRecallCampaignTest {
    private static final LocalDate LAST_PURCHASE = LocalDate.of(2026, 3, 1);

    private static List<Decision> recallsAfter(int days) {
        LocalDate today = LAST_PURCHASE.plusDays(days);
        MemberView m = member("m-1").lastPurchase(LAST_PURCHASE, (int) ChronoUnit.DAYS.between(LAST_PURCHASE, today)).build();
        return decide(today, m, new Tick("inactivity", today)).stream()
                .filter(d -> d.campaignId().startsWith("churn-recall")).toList();
    }

    @Test
    void shouldNotRecallAMemberWhoBought29DaysAgo() {
        assertThat(recallsAfter(29)).isEmpty();
    }

    @Test
    void shouldGiveAComeBackCouponAt30DaysForTheEpisodeOfTheLastPurchase() {
        assertThat(recallsAfter(30)).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo(ActionType.ISSUE_COUPON);
            assertThat(d.campaignId()).isEqualTo("churn-recall");
            assertThat(d.periodKey()).isEqualTo("2026-03-01");
            assertThat(d.params()).isEqualTo(Map.of("couponTemplate", "COME_BACK"));
        });
    }

    @Test
    void shouldOnlyRepeatTheFirstStageWithTheSameKeyUntilDay59() {
        // The same period key every day: the engine acts once, at day 30.
        assertThat(recallsAfter(59)).extracting(Decision::campaignId, Decision::periodKey)
                .containsExactly(tuple("churn-recall", "2026-03-01"));
    }

    @Test
    void shouldGiveAStronger30YuanCouponAt60DaysWhileTheFirstStageRepeatsItsKey() {
        List<Decision> recalls = recallsAfter(60);

        assertThat(of("churn-recall-60", recalls)).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo(ActionType.ISSUE_COUPON);
            assertThat(d.periodKey()).isEqualTo("2026-03-01");
            assertThat(d.params()).isEqualTo(Map.of("couponTemplate", "COME_BACK_60", "couponValue", "30.00"));
        });
        // Stage one still matches with the key it had at day 30; its action id is the same, so it is not acted on twice.
        assertThat(of("churn-recall", recalls)).singleElement()
                .satisfies(d -> assertThat(d.periodKey()).isEqualTo(recallsAfter(30).get(0).periodKey()));
    }

    @Test
    void shouldKeepBothStagesOnTheSameEpisodeLongAfter() {
        assertThat(recallsAfter(200)).extracting(Decision::campaignId, Decision::periodKey).containsExactlyInAnyOrder(
                tuple("churn-recall", "2026-03-01"),
                tuple("churn-recall-60", "2026-03-01"));
    }

    @Test
    void shouldStartANewEpisodeAfterANewPurchase() {
        LocalDate next = LocalDate.of(2026, 6, 1);
        LocalDate today = next.plusDays(60);
        MemberView m = member("m-1").lastPurchase(next, 60).build();
        assertThat(decide(today, m)).filteredOn(d -> d.campaignId().startsWith("churn-recall"))
                .extracting(Decision::periodKey).containsOnly("2026-06-01").hasSize(2);
    }

    @Test
    void shouldNotRecallForTheOldEpisodesAnImportedHistoryPassesThrough() {
        // An order of 1 March 2026 loaded on 1 November: the member looks 245 days away, but a later
        // order of the same history may follow; the inactivity sweep recalls them once, for the last one.
        LocalDate today = LocalDate.of(2026, 11, 1);
        MemberView m = member("m-1").lastPurchase(LAST_PURCHASE, (int) ChronoUnit.DAYS.between(LAST_PURCHASE, today)).build();
        MemberEvent order = imported(MemberEvent.builder("imp:default:o:1", "m-1", EventType.PURCHASE,
                Instant.parse("2026-03-01T04:00:00Z")).orderId("1").amount(new BigDecimal("99.00")));

        assertThat(decide(today, m, order)).filteredOn(d -> d.campaignId().startsWith("churn-recall")).isEmpty();
        assertThat(decide(today, m, new Tick("inactivity", today))).filteredOn(d -> d.campaignId().startsWith("churn-recall"))
                .extracting(Decision::periodKey).containsExactly("2026-03-01", "2026-03-01");
    }

    @Test
    void shouldRecallOnALiveEventOfAMemberAwayLongEnough() {
        LocalDate today = LAST_PURCHASE.plusDays(40);
        MemberView m = member("m-1").lastPurchase(LAST_PURCHASE, 40).build();
        MemberEvent checkIn = MemberEvent.builder("c-1", "m-1", EventType.CHECK_IN, Instant.parse("2026-04-10T04:00:00Z")).build();
        assertThat(of("churn-recall", decide(today, m, checkIn))).extracting(Decision::periodKey).containsExactly("2026-03-01");
    }

    @Test
    void shouldNotRecallAMemberWhoNeverBought() {
        assertThat(decide(LocalDate.of(2026, 6, 1), member("m-1").registeredOn(LocalDate.of(2026, 1, 1)).build()))
                .filteredOn(d -> d.campaignId().startsWith("churn-recall")).isEmpty();
    }
}
