package org.memberflow.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.memberflow.engine.action.CampaignAction;
import org.memberflow.engine.support.EngineDriver;
import org.memberflow.engine.support.Events;
import org.memberflow.rules.session.ActiveRules;
import org.memberflow.rules.session.RuleFile;
import org.memberflow.rules.session.RuleRunner;
import org.memberflow.rules.session.RuleSetCompiler;

/** A rule set swapped while events flow: each event is decided once, by the old or the new version. */
class RuleSetSwapTest {
    private static final Instant NOW = Instant.parse("2026-05-20T08:30:00Z");

    @Test
    void shouldDecideEveryEventOnceWithTheVersionActiveWhenItArrived() throws Exception {
        String v2 = """
                package swap
                import org.memberflow.rules.fact.MemberEvent
                import org.memberflow.rules.fact.EventType
                global org.memberflow.rules.decision.Decisions decisions
                rule "welcome coupon, second edition"
                when
                    MemberEvent( type == EventType.REGISTERED )
                then
                    decisions.issueCoupon("welcome", "once", "WELCOME_V2");
                end
                """;
        RuleRunner second = new RuleRunner(new RuleSetCompiler().compile("campaigns", "2",
                List.of(new RuleFile("welcome.drl", v2.getBytes(StandardCharsets.UTF_8)))), 100);
        ActiveRules active = new ActiveRules(EngineDriver.builtIn());
        try (EngineDriver engine = new EngineDriver(EngineOptions.defaults(), NOW, active)) {
            for (int i = 0; i < 40; i++) {
                if (i == 25) {
                    active.activate(second);
                }
                engine.send(Events.withId("e" + i, "m" + i, "REGISTERED", "2026-05-20T08:00:00Z"));
            }

            List<CampaignAction> actions = engine.drainActions();
            assertThat(actions).extracting(CampaignAction::causeEventId).doesNotHaveDuplicates().hasSize(40);
            assertThat(actions.subList(0, 25)).allSatisfy(a -> {
                assertThat(a.ruleSetVersion()).isEqualTo("built-in:1");
                assertThat(a.params()).containsEntry("couponTemplate", "WELCOME");
            });
            assertThat(actions.subList(25, 40)).allSatisfy(a -> {
                assertThat(a.ruleSetVersion()).isEqualTo("campaigns:2");
                assertThat(a.params()).containsEntry("couponTemplate", "WELCOME_V2");
            });
            assertThat(engine.deadLetters.isEmpty()).isTrue();
        }
    }
}
