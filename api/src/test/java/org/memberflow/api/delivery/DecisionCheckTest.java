package org.memberflow.api.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.memberflow.engine.action.ActionIds;
import org.memberflow.engine.action.CampaignAction;
import org.memberflow.rules.decision.ActionType;

class DecisionCheckTest {

    @Test
    void shouldAcceptWhatTheEngineWrites() {
        assertThat(DecisionCheck.problem(action("welcome", "once", "20.00"))).isNull();
        assertThat(DecisionCheck.problem(action("welcome", "once", null))).isNull();
    }

    @Test
    void shouldRefuseWhatTheActionLogCannotHoldOrTheBudgetCannotAdd() {
        assertThat(DecisionCheck.problem(null)).contains("null");
        assertThat(DecisionCheck.problem(action("c".repeat(65), "once", null))).contains("campaignId");
        assertThat(DecisionCheck.problem(action("welcome", " ", null))).contains("periodKey");
        assertThat(DecisionCheck.problem(action("welcome", "once", "-1"))).contains("couponValue");
        assertThat(DecisionCheck.problem(action("welcome", "once", "1.234"))).contains("couponValue");
        assertThat(DecisionCheck.problem(action("welcome", "once", "1e30"))).contains("couponValue");
        assertThat(DecisionCheck.problem(action("welcome", "once", "lots"))).contains("not a decimal");
        assertThat(DecisionCheck.problem(new CampaignAction(ActionIds.of("c", "m1", "p"), "default", "m1", "c", "p",
                ActionType.TAG_MEMBER, Map.of("tag", "x".repeat(20_000)), "r", "v", "e", Instant.EPOCH, null, null)))
                .contains("params");
        assertThat(DecisionCheck.problem(new CampaignAction(ActionIds.of("c", "m1", "p"), "default", "m1", "c", "p",
                ActionType.TAG_MEMBER, Map.of(), "r".repeat(256), "v", "e", Instant.EPOCH, null, null))).contains("rule");
        assertThat(DecisionCheck.problem(new CampaignAction(ActionIds.of("c", "m1", "p"), "default", "m1", "c", "p",
                ActionType.TAG_MEMBER, Map.of(), "r", "v", "e", Instant.parse("+10000-01-01T00:00:00Z"), null, null)))
                .contains("decidedAt");
        assertThat(DecisionCheck.problem(new CampaignAction("short", "default", "m1", "c", "p", ActionType.TAG_MEMBER,
                Map.of(), "r", "v", "e", Instant.EPOCH, null, null))).contains("actionId");
    }

    private static CampaignAction action(String campaign, String period, String value) {
        Map<String, String> params = value == null ? Map.of("couponTemplate", "T") : Map.of("couponTemplate", "T", "couponValue", value);
        return new CampaignAction(ActionIds.of(campaign, "m1", period), "default", "m1", campaign, period,
                ActionType.ISSUE_COUPON, params, "r", "built-in:1", "e1", Instant.parse("2026-05-20T08:00:00Z"), null, null);
    }
}
