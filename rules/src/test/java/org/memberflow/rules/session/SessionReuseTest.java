package org.memberflow.rules.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.memberflow.rules.decision.Decision;
import org.memberflow.rules.fact.EventType;
import org.memberflow.rules.fact.MemberEvent;
import org.memberflow.rules.fact.PointsLot;

/** Kept sessions fire exactly what new ones would, and rule sets where they could not keep reset ones. */
class SessionReuseTest {
    private static final String HEADER = """
            package t
            import org.memberflow.rules.fact.MemberEvent
            import org.memberflow.rules.fact.EventType
            import org.memberflow.rules.fact.PointsLot
            global org.memberflow.rules.decision.Decisions decisions
            """;

    /** Anchored rules over `not`, `exists`, accumulate and `from`: each holds a fact of the unit. */
    private static final String ANCHORED = HEADER + """
            rule "event without lots"
            when
                MemberEvent( $id : eventId )
                not PointsLot()
            then
                decisions.tagMember("no-lots", $id, "x");
            end
            rule "event with a big lot"
            when
                MemberEvent( $id : eventId )
                exists PointsLot( points >= 500 )
            then
                decisions.tagMember("big-lot", $id, "x");
            end
            rule "points of the event's member"
            when
                MemberEvent( $id : eventId )
                $sum : Number( longValue > 0 ) from accumulate( PointsLot( $p : points ), sum( $p ) )
            then
                decisions.tagMember("sum", $id + ":" + $sum.longValue(), "x");
            end
            rule "lots by id"
            when
                $lot : PointsLot( $id : lotId )
                String( this == $id ) from "lot-1"
            then
                decisions.tagMember("lot-1", $id, "x");
            end
            rule "check-in or lot"
            when
                ( MemberEvent( type == EventType.CHECK_IN ) or PointsLot( points < 10 ) )
            then
                decisions.tagMember("either", "p", "x");
            end
            """;

    @Test
    void shouldKeepSessionsForTheBuiltInSet() {
        assertThat(new RuleRunner(BuiltInRuleSet.compile(), 100).reuseBlockers()).isEmpty();
    }

    @Test
    void shouldKeepTheSameSessionsFromUnitToUnit() throws Exception {
        CompiledRuleSet set = compile("anchored.drl", ANCHORED);
        RuleRunner runner = new RuleRunner(set, 100);
        Random random = new Random(11);

        for (int unit = 0; unit < 50; unit++) {
            runner.evaluate(randomUnit(random, unit));
        }

        assertThat(set.kieBase().getKieSessions()).hasSize(1); // one kept, never disposed and made again
    }

    @Test
    void shouldFireWhatNewSessionsFireOverManyUnits() throws Exception {
        CompiledRuleSet set = compile("anchored.drl", ANCHORED);
        RuleRunner kept = new RuleRunner(set, 100);
        assertThat(kept.reuseBlockers()).isEmpty();
        Random random = new Random(7);

        for (int unit = 0; unit < 300; unit++) {
            List<Object> facts = randomUnit(random, unit);
            RuleOutcome fresh = new RuleRunner(set, 100).evaluate(facts);
            RuleOutcome reused = kept.evaluate(facts);

            assertThat(reused.decisions()).as("unit %d: %s", unit, facts).containsExactlyInAnyOrderElementsOf(fresh.decisions());
            assertThat(reused.firings()).isEqualTo(fresh.firings());
        }
    }

    @Test
    void shouldResetSessionsWhereARuleMatchesOnNoFact() throws Exception {
        // Kept sessions would fire this once in all: the match of `not` on an empty session
        // outlives the unit. With reset sessions it fires in every unit that has no lot.
        String drl = HEADER + """
                rule "no lots at all"
                when
                    not PointsLot()
                then
                    decisions.tagMember("no-lots", "p", "x");
                end
                """;
        RuleRunner runner = new RuleRunner(compile("unanchored.drl", drl), 100);

        assertThat(runner.reuseBlockers()).containsExactly("no lots at all: no positive pattern on working memory");
        for (int unit = 0; unit < 3; unit++) {
            assertThat(runner.evaluate(List.of(event("e" + unit, EventType.CHECK_IN))).decisions())
                    .extracting(Decision::campaignId).containsExactly("no-lots");
        }
    }

    @Test
    void shouldResetSessionsWhereRulesKeepAgendaState() throws Exception {
        String drl = HEADER + """
                rule "grouped" agenda-group "later"
                when
                    MemberEvent()
                then
                    decisions.tagMember("g", "p", "x");
                end
                rule "one of" activation-group "pick"
                when
                    MemberEvent()
                then
                    decisions.tagMember("a", "p", "x");
                end
                """;

        assertThat(new RuleRunner(compile("groups.drl", drl), 100).reuseBlockers())
                .containsExactlyInAnyOrder("grouped: agenda group", "one of: activation group");
    }

    private static List<Object> randomUnit(Random random, int unit) {
        List<Object> facts = new ArrayList<>();
        if (random.nextInt(4) > 0) {
            facts.add(event("e" + unit, random.nextBoolean() ? EventType.CHECK_IN : EventType.PURCHASE));
        }
        int lots = random.nextInt(4);
        for (int i = 0; i < lots; i++) {
            facts.add(new PointsLot("lot-" + random.nextInt(3), 1 + random.nextInt(700), null, null, null));
        }
        return facts;
    }

    private static MemberEvent event(String id, EventType type) {
        return MemberEvent.builder(id, "m-1", type, Instant.parse("2026-03-01T10:00:00Z")).build();
    }

    private static CompiledRuleSet compile(String path, String drl) throws RuleSetRejectedException {
        return new RuleSetCompiler().compile("t", "1", List.of(new RuleFile(path, drl.getBytes(StandardCharsets.UTF_8))));
    }
}
