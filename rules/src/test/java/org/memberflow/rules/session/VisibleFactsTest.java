package org.memberflow.rules.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.memberflow.rules.fact.CampaignHistory;
import org.memberflow.rules.fact.EventType;
import org.memberflow.rules.fact.MemberEvent;
import org.memberflow.rules.fact.MemberView;
import org.memberflow.rules.fact.PointsLot;
import org.memberflow.rules.fact.RfmProfile;
import org.memberflow.rules.fact.Segment;
import org.memberflow.rules.fact.Tick;
import org.memberflow.rules.fact.Today;

class VisibleFactsTest {

    @Test
    void shouldSeeTheFactsTheBuiltInSetMatchesAndNoOthers() {
        VisibleFacts facts = new VisibleFacts(BuiltInRuleSet.compile().kieBase());

        for (Class<?> seen : List.of(MemberEvent.class, MemberView.class, PointsLot.class, Segment.class, Today.class,
                RfmProfile.class)) {
            assertThat(facts.visible(seen)).as(seen.getSimpleName()).isTrue();
        }
        assertThat(facts.visible(Tick.class)).isFalse();
        assertThat(facts.visible(CampaignHistory.class)).isFalse();
    }

    @Test
    void shouldSeeThroughNotExistsAndAccumulate() throws Exception {
        CompiledRuleSet set = compile("""
                package t
                import org.memberflow.rules.fact.MemberEvent
                import org.memberflow.rules.fact.PointsLot
                import org.memberflow.rules.fact.Tick
                import org.memberflow.rules.fact.CampaignHistory
                global org.memberflow.rules.decision.Decisions decisions
                rule "no tick"
                when
                    MemberEvent( $id : eventId )
                    not Tick()
                then
                    decisions.tagMember("a", $id, "x");
                end
                rule "history"
                when
                    MemberEvent( $id : eventId )
                    exists CampaignHistory()
                    $n : Number() from accumulate( PointsLot( $p : points ), sum( $p ) )
                then
                    decisions.tagMember("b", $id, "x");
                end
                """);
        VisibleFacts facts = new VisibleFacts(set.kieBase());

        assertThat(facts.visible(MemberEvent.class)).isTrue();
        assertThat(facts.visible(Tick.class)).as("under not").isTrue();
        assertThat(facts.visible(CampaignHistory.class)).as("under exists").isTrue();
        assertThat(facts.visible(PointsLot.class)).as("in an accumulate").isTrue();
        assertThat(facts.visible(Today.class)).as("in no pattern").isFalse();
        assertThat(facts.visible(String.class)).isFalse();

        // Taking the rule out leaves the node of its type with nothing below it.
        set.kieBase().removeRule("t", "no tick");
        assertThat(new VisibleFacts(set.kieBase()).visible(Tick.class)).as("its rule removed").isFalse();
    }

    @Test
    void shouldDecideTheSameWithoutTheFactsNoRuleSees() throws Exception {
        CompiledRuleSet set = BuiltInRuleSet.compile();
        RuleRunner runner = new RuleRunner(set, 100);
        MemberEvent registered = MemberEvent.builder("e-1", "m-1", EventType.REGISTERED, Instant.parse("2026-03-01T10:00:00Z"))
                .build();
        Tick tick = new Tick("daily", LocalDate.of(2026, 3, 1));
        CampaignHistory history = new CampaignHistory(Map.of());

        RuleOutcome all = runner.evaluate(List.of(registered, tick, history));
        RuleOutcome seen = runner.evaluate(List.of(registered));

        assertThat(all.decisions()).isNotEmpty().isEqualTo(seen.decisions());
        assertThat(all.firedRules()).isEqualTo(seen.firedRules());
    }

    private static CompiledRuleSet compile(String drl) throws RuleSetRejectedException {
        return new RuleSetCompiler().compile("t", "1",
                List.of(new RuleFile("visible.drl", drl.getBytes(StandardCharsets.UTF_8))));
    }
}
