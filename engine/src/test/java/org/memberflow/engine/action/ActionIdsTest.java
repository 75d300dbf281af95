package org.memberflow.engine.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.memberflow.engine.json.JsonSerde;
import org.memberflow.rules.decision.ActionType;

class ActionIdsTest {

    @Test
    void shouldGiveTheSameIdToTheSameDecision() {
        assertThat(ActionIds.of("welcome", "m1", "once")).isEqualTo(ActionIds.of("welcome", "m1", "once"))
                .hasSize(32).matches("[0-9a-f]{32}");
    }

    @Test
    void shouldGiveDifferentIdsWhenAnyPartDiffers() {
        assertThat(ActionIds.of("welcome", "m1", "once"))
                .isNotEqualTo(ActionIds.of("welcome", "m2", "once"))
                .isNotEqualTo(ActionIds.of("welcome", "m1", "2026"))
                .isNotEqualTo(ActionIds.of("birthday", "m1", "once"));
        // concatenation must not make ("ab","c") collide with ("a","bc")
        assertThat(ActionIds.of("ab", "c", "x")).isNotEqualTo(ActionIds.of("a", "bc", "x"));
    }

    @Test
    void shouldRoundTripActionsThroughJson() {
        JsonSerde<CampaignAction> serde = new JsonSerde<>(CampaignAction.class);
        CampaignAction action = new CampaignAction("id", "default", "m1", "welcome", "once", ActionType.ISSUE_COUPON,
                Map.of("couponTemplate", "WELCOME"), "welcome coupon", "built-in:1", "e1",
                Instant.parse("2026-05-20T08:30:00Z"), null, "Asia/Shanghai");

        byte[] json = serde.serializer().serialize("t", action);

        assertThat(new String(json)).contains("\"decidedAt\":\"2026-05-20T08:30:00Z\"");
        assertThat(serde.deserializer().deserialize("t", json)).isEqualTo(action);
    }
}
