package org.memberflow.api.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.memberflow.api.action.Outcome;
import org.memberflow.api.campaign.Campaign;
import org.memberflow.api.campaign.CampaignStatus;
import org.memberflow.api.campaign.QuietPolicy;
import org.memberflow.engine.action.CampaignAction;
import org.memberflow.rules.decision.ActionType;

class GuardrailsTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 2026-05-20 12:00 in Shanghai. */
    private static final Instant NOON = Instant.parse("2026-05-20T04:00:00Z");
    private final Guardrails guardrails = new Guardrails(2, SHANGHAI);

    @Test
    void shouldDeliverWhenNoLimitApplies() {
        Verdict v = guardrails.judge(coupon("m1", "p1", NOON, "10.00"), campaign(b -> b), new MemberDeliveries(), null, NOON);

        assertThat(v).isEqualTo(new Verdict(Outcome.DELIVERED, null));
    }

    @Test
    void shouldSuppressEverythingOfAPausedCampaign() {
        Campaign paused = campaign(b -> b.status(CampaignStatus.PAUSED));

        assertThat(guardrails.judge(coupon("m1", "p1", NOON, "1"), paused, new MemberDeliveries(), null, NOON).outcome())
                .isEqualTo(Outcome.SUPPRESSED_PAUSED);
    }

    @Test
    void shouldHoldOutTheSameMembersEveryTime() {
        Campaign half = campaign(b -> b.holdout("50"));
        int control = 0;
        for (int i = 0; i < 2000; i++) {
            Outcome first = guardrails.judge(coupon("m" + i, "p", NOON, "1"), half, new MemberDeliveries(), null, NOON).outcome();
            Outcome again = guardrails.judge(coupon("m" + i, "q", NOON, "1"), half, new MemberDeliveries(), null, NOON).outcome();
            assertThat(again).isEqualTo(first); // per member, not per action
            control += first == Outcome.CONTROL ? 1 : 0;
        }
        assertThat(control).isBetween(900, 1100);
        assertThat(guardrails.judge(coupon("m1", "p", NOON, "1"), campaign(b -> b.holdout("0")), new MemberDeliveries(),
                null, NOON).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(guardrails.judge(coupon("m1", "p", NOON, "1"), campaign(b -> b.holdout("100")), new MemberDeliveries(),
                null, NOON).outcome()).isEqualTo(Outcome.CONTROL);
    }

    @Test
    void shouldCapTheCampaignPerMemberWithinItsPeriod() {
        Campaign oncePerWeek = campaign(b -> b.cap(1, 7));
        MemberDeliveries history = new MemberDeliveries();

        assertThat(guardrails.judge(coupon("m1", "a", NOON, "1"), oncePerWeek, history, null, NOON).outcome())
                .isEqualTo(Outcome.DELIVERED);
        assertThat(guardrails.judge(coupon("m1", "b", NOON.plusSeconds(6 * 86_400), "1"), oncePerWeek, history, null, NOON)
                .outcome()).isEqualTo(Outcome.SUPPRESSED_CAP);
        assertThat(guardrails.judge(coupon("m1", "c", NOON.plusSeconds(7 * 86_400), "1"), oncePerWeek, history, null, NOON)
                .outcome()).isEqualTo(Outcome.DELIVERED);
    }

    @Test
    void shouldCapContactsPerMemberPerLocalDayOverAllCampaigns() {
        MemberDeliveries history = new MemberDeliveries();
        Instant late = Instant.parse("2026-05-20T15:30:00Z"); // 23:30 in Shanghai
        Instant nextMorning = Instant.parse("2026-05-20T16:30:00Z"); // 00:30 the next day there

        assertThat(guardrails.judge(coupon("m1", "a", NOON, "1"), null, history, null, NOON).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(guardrails.judge(message("m1", "b", late), null, history, null, NOON).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(guardrails.judge(message("m1", "c", late), null, history, null, NOON).outcome())
                .isEqualTo(Outcome.SUPPRESSED_DAILY_CAP);
        assertThat(guardrails.judge(tag("m1", "d", late), null, history, null, NOON).outcome())
                .as("a tag does not reach the member").isEqualTo(Outcome.DELIVERED);
        assertThat(guardrails.judge(message("m1", "e", nextMorning), null, history, null, NOON).outcome())
                .isEqualTo(Outcome.DELIVERED);
    }

    @Test
    void shouldDeferOrSuppressInsideQuietHoursInTheMembersZone() {
        Instant lateInShanghai = Instant.parse("2026-05-20T15:00:00Z"); // 23:00 there, 17:00 in Paris
        Campaign defer = campaign(b -> b.quiet("22:00", "08:00", QuietPolicy.DEFER));
        Campaign suppress = campaign(b -> b.quiet("22:00", "08:00", QuietPolicy.SUPPRESS));

        Verdict deferred = guardrails.judge(message("m1", "a", lateInShanghai), defer, new MemberDeliveries(), null, lateInShanghai);
        Verdict inParis = guardrails.judge(new CampaignAction("id", "default", "m2", "c1", "a", ActionType.SEND_MESSAGE,
                Map.of(), "r", "v", "e", lateInShanghai, null, "Europe/Paris"), defer, new MemberDeliveries(), null, lateInShanghai);

        assertThat(deferred).isEqualTo(new Verdict(Outcome.DELIVERED, Instant.parse("2026-05-21T00:00:00Z")));
        assertThat(inParis).isEqualTo(new Verdict(Outcome.DELIVERED, null));
        assertThat(guardrails.judge(message("m1", "a", lateInShanghai), suppress, new MemberDeliveries(), null,
                lateInShanghai).outcome()).isEqualTo(Outcome.SUPPRESSED_QUIET_HOURS);
        assertThat(guardrails.judge(tag("m1", "a", lateInShanghai), suppress, new MemberDeliveries(), null,
                lateInShanghai).outcome()).isEqualTo(Outcome.DELIVERED);
    }

    @Test
    void shouldSpendTheBudgetExactlyByCountAndByValue() {
        Campaign byCount = campaign(b -> b.budget(2L, null));
        Spend spend = new Spend(byCount);
        int delivered = 0;
        for (int i = 0; i < 5; i++) {
            delivered += guardrails.judge(coupon("m" + i, "p", NOON, "10"), byCount, new MemberDeliveries(), spend, NOON)
                    .outcome() == Outcome.DELIVERED ? 1 : 0;
        }
        assertThat(delivered).isEqualTo(2);
        assertThat(spend.count()).isEqualTo(2);

        Campaign byValue = campaign(b -> b.budget(null, "25.00"));
        Spend value = new Spend(byValue);
        assertThat(guardrails.judge(coupon("a", "p", NOON, "20.00"), byValue, new MemberDeliveries(), value, NOON).outcome())
                .isEqualTo(Outcome.DELIVERED);
        assertThat(guardrails.judge(coupon("b", "p", NOON, "10.00"), byValue, new MemberDeliveries(), value, NOON).outcome())
                .isEqualTo(Outcome.SUPPRESSED_BUDGET);
        assertThat(guardrails.judge(coupon("c", "p", NOON, "5.00"), byValue, new MemberDeliveries(), value, NOON).outcome())
                .as("a smaller coupon still fits").isEqualTo(Outcome.DELIVERED);
        assertThat(value.value()).isEqualByComparingTo("25.00");
    }

    @Test
    void shouldNotSpendTheBudgetOnControlOrCappedActions() {
        Campaign allControl = campaign(b -> b.holdout("100").budget(1L, null));
        Spend spend = new Spend(allControl);

        guardrails.judge(coupon("m1", "p", NOON, "1"), allControl, new MemberDeliveries(), spend, NOON);

        assertThat(spend.count()).isZero();
        assertThat(spend.changed()).isFalse();
    }

    @Test
    void shouldHoldControlMembersToTheLimitsTreatedOnesMeet() {
        Campaign allControlOncePerWeek = campaign(b -> b.holdout("100").cap(1, 7).budget(1L, null));
        MemberDeliveries history = new MemberDeliveries();
        Spend spend = new Spend(allControlOncePerWeek);

        assertThat(guardrails.judge(coupon("m1", "a", NOON, "1"), allControlOncePerWeek, history, spend, NOON).outcome())
                .isEqualTo(Outcome.CONTROL);
        assertThat(guardrails.judge(coupon("m1", "b", NOON, "1"), allControlOncePerWeek, history, spend, NOON).outcome())
                .as("the cap counts control actions too").isEqualTo(Outcome.SUPPRESSED_CAP);
        assertThat(history.contactsOnDayOf(NOON, SHANGHAI)).as("a control member was not contacted").isZero();

        Spend spent = new Spend(campaign(b -> b.budget(0L, null)));
        assertThat(guardrails.judge(coupon("m2", "a", NOON, "1"), campaign(b -> b.holdout("100").budget(0L, null)),
                new MemberDeliveries(), spent, NOON).outcome())
                .as("no budget left: a control member would not have had it either").isEqualTo(Outcome.SUPPRESSED_BUDGET);
    }

    @Test
    void shouldCountOnlyActionsDecidedUpToThisOneForTheCap() {
        Campaign oncePerWeek = campaign(b -> b.cap(1, 7));
        MemberDeliveries history = new MemberDeliveries();
        history.add("c1", ActionType.ISSUE_COUPON, NOON.plusSeconds(3_600), false); // decided later (a replay out of order)

        assertThat(guardrails.judge(coupon("m1", "a", NOON, "1"), oncePerWeek, history, null, NOON).outcome())
                .isEqualTo(Outcome.DELIVERED);
    }

    private static CampaignAction coupon(String member, String period, Instant decidedAt, String value) {
        return new CampaignAction(member + period, "default", member, "c1", period, ActionType.ISSUE_COUPON,
                Map.of("couponTemplate", "T", "couponValue", value), "r", "v", "e", decidedAt, null, null);
    }

    private static CampaignAction message(String member, String period, Instant decidedAt) {
        return new CampaignAction(member + period, "default", member, "c2", period, ActionType.SEND_MESSAGE,
                Map.of("messageTemplate", "T"), "r", "v", "e", decidedAt, null, "Asia/Shanghai");
    }

    private static CampaignAction tag(String member, String period, Instant decidedAt) {
        return new CampaignAction(member + period, "default", member, "c3", period, ActionType.TAG_MEMBER,
                Map.of("tag", "x"), "r", "v", "e", decidedAt, null, null);
    }

    private static Campaign campaign(java.util.function.UnaryOperator<CampaignBuilder> settings) {
        return settings.apply(new CampaignBuilder()).build();
    }

    /** A campaign with no limits, and setters for each. */
    static final class CampaignBuilder {
        private CampaignStatus status = CampaignStatus.ACTIVE;
        private Long budgetCount;
        private BigDecimal budgetValue;
        private Integer capCount;
        private Integer capDays;
        private BigDecimal holdout = BigDecimal.ZERO;
        private LocalTime quietStart;
        private LocalTime quietEnd;
        private QuietPolicy policy;

        CampaignBuilder status(CampaignStatus s) {
            status = s;
            return this;
        }

        CampaignBuilder budget(Long count, String value) {
            budgetCount = count;
            budgetValue = value == null ? null : new BigDecimal(value);
            return this;
        }

        CampaignBuilder cap(int count, int days) {
            capCount = count;
            capDays = days;
            return this;
        }

        CampaignBuilder holdout(String percent) {
            holdout = new BigDecimal(percent);
            return this;
        }

        CampaignBuilder quiet(String start, String end, QuietPolicy p) {
            quietStart = LocalTime.parse(start);
            quietEnd = LocalTime.parse(end);
            policy = p;
            return this;
        }

        Campaign build() {
            return new Campaign("c1", "c1", status, budgetCount, budgetValue, 0, BigDecimal.ZERO, capCount, capDays, holdout,
                    quietStart, quietEnd, policy, 7, null, null);
        }
    }
}
