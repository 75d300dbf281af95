package org.memberflow.rules.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.memberflow.rules.decision.ActionType;
import org.memberflow.rules.decision.Decision;
import org.memberflow.rules.fact.EventType;
import org.memberflow.rules.fact.MemberEvent;
import org.memberflow.rules.fact.PointsLot;
import org.memberflow.rules.fact.Today;

class RuleRunnerTest {
    private static RuleRunner builtIn;

    @BeforeAll
    static void compileBuiltIns() {
        builtIn = new RuleRunner(BuiltInRuleSet.compile(), 100);
    }

    private static MemberEvent event(EventType type) {
        return MemberEvent.builder("e-1", "m-1", type, Instant.parse("2026-03-01T10:00:00Z")).build();
    }

    @Test
    void shouldIssueWelcomeCouponWhenMemberRegisters() {
        RuleOutcome outcome = builtIn.evaluate(List.of(event(EventType.REGISTERED), new Today(LocalDate.of(2026, 3, 1))));

        assertThat(outcome.capped()).isFalse();
        assertThat(outcome.decisions()).containsExactly(new Decision(ActionType.ISSUE_COUPON, "welcome", "once",
                java.util.Map.of("couponTemplate", "WELCOME"), "welcome coupon"));
    }

    @Test
    void shouldDecideNothingForOtherEvents() {
        assertThat(builtIn.evaluate(List.of(event(EventType.CHECK_IN))).decisions()).isEmpty();
    }

    @Test
    void shouldReportSyntaxErrorsWithFileAndLine() {
        String broken = """
                package t
                import org.memberflow.rules.fact.MemberEvent
                rule "unclosed"
                when
                    MemberEvent( type == )
                then
                end
                """;
        assertThatThrownBy(() -> compile("broken.drl", broken))
                .isInstanceOfSatisfying(RuleSetRejectedException.class, e -> assertThat(e.errors())
                        .anySatisfy(err -> {
                            assertThat(err.file()).isEqualTo("broken.drl");
                            assertThat(err.line()).isEqualTo(5);
                        }));
    }

    @Test
    void shouldReportUnknownFieldsWithTheirFile() {
        String broken = """
                package t
                import org.memberflow.rules.fact.MemberEvent
                rule "unknown field"
                when
                    MemberEvent( nosuchfield == 1 )
                then
                end
                """;
        assertThatThrownBy(() -> compile("fields.drl", broken))
                .isInstanceOfSatisfying(RuleSetRejectedException.class, e -> assertThat(e.errors())
                        .anySatisfy(err -> {
                            assertThat(err.file()).isEqualTo("fields.drl");
                            assertThat(err.message()).contains("nosuchfield");
                        }));
    }

    private static CompiledRuleSet compile(String path, String drl) throws RuleSetRejectedException {
        return new RuleSetCompiler().compile("t", "1", List.of(new RuleFile(path, drl.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void shouldLetRulesReasonAboutTheEngineClocksToday() throws Exception {
        // The example of rules/README.md: it must compile and fire as documented.
        String newYear = """
                package t
                import org.memberflow.rules.fact.MemberEvent
                import org.memberflow.rules.fact.EventType
                import org.memberflow.rules.fact.Today
                global org.memberflow.rules.decision.Decisions decisions
                rule "new year greeting"
                when
                    $today : Today( date.monthValue == 1, date.dayOfMonth == 1 )
                    MemberEvent( type == EventType.CHECK_IN )
                then
                    decisions.sendMessage("new-year", "" + $today.getYear(), "NEW_YEAR");
                end
                """;
        RuleRunner runner = new RuleRunner(compile("new-year.drl", newYear), 10);

        assertThat(runner.evaluate(List.of(event(EventType.CHECK_IN), new Today(LocalDate.of(2027, 1, 1)))).decisions())
                .extracting(Decision::periodKey).containsExactly("2027");
        assertThat(runner.evaluate(List.of(event(EventType.CHECK_IN), new Today(LocalDate.of(2027, 1, 2)))).decisions())
                .isEmpty();
    }

    @Test
    void shouldStopAtTheFiringLimit() throws Exception {
        // Rules cannot change facts, so nothing loops; a cross product can still fire without end in sight.
        String crossProduct = """
                package t
                import org.memberflow.rules.fact.PointsLot
                global org.memberflow.rules.decision.Decisions decisions
                rule "every three lots"
                when
                    PointsLot( $a : lotId )
                    PointsLot( $b : lotId )
                    PointsLot( $c : lotId )
                then
                    decisions.tagMember("triples", $a + $b + $c, "x");
                end
                """;
        CompiledRuleSet set = compile("triples.drl", crossProduct);
        List<Object> lots = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lots.add(new PointsLot("lot" + i, 100, null, null, null));
        }

        RuleOutcome outcome = new RuleRunner(set, 50).evaluate(lots);

        assertThat(outcome.capped()).isTrue();
        assertThat(outcome.firings()).isEqualTo(50);
    }

    @Test
    void shouldLeaveNothingOfAUnitForTheNextOneOnTheSameSessions() throws Exception {
        // Sessions are pooled: a unit that failed half-way or stopped at the limit must leave no
        // facts, activations, globals or listeners behind for the next unit on the same session.
        String drl = """
                package t
                import org.memberflow.rules.fact.MemberEvent
                import org.memberflow.rules.fact.PointsLot
                global org.memberflow.rules.decision.Decisions decisions
                rule "seen"
                when
                    MemberEvent( $id : eventId )
                then
                    decisions.tagMember("seen", $id, "x");
                end
                rule "boom" salience 10
                when
                    MemberEvent( eventId == "boom" )
                then
                    Integer.parseInt("boom");
                end
                rule "pairs"
                when
                    PointsLot( $a : lotId )
                    PointsLot( $b : lotId )
                then
                    decisions.tagMember("pairs", $a + $b, "x");
                end
                """;
        RuleRunner runner = new RuleRunner(compile("leaks.drl", drl), 5);
        List<String> explained = new java.util.ArrayList<>();
        org.kie.api.event.rule.DefaultAgendaEventListener explain = new org.kie.api.event.rule.DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(org.kie.api.event.rule.AfterMatchFiredEvent event) {
                explained.add(event.getMatch().getRule().getName());
            }
        };

        assertThatThrownBy(() -> runner.evaluate(List.of(
                MemberEvent.builder("boom", "m-1", EventType.CHECK_IN, Instant.parse("2026-03-01T10:00:00Z")).build()),
                explain)).isInstanceOf(RuleFailedException.class).hasMessageContaining("boom");
        List<Object> lots = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            lots.add(new PointsLot("lot" + i, 100, null, null, null));
        }
        assertThat(runner.evaluate(lots).capped()).isTrue();

        for (int i = 0; i < 3; i++) {
            RuleOutcome next = runner.evaluate(List.of(event(EventType.CHECK_IN)));
            assertThat(next.capped()).isFalse();
            assertThat(next.decisions()).extracting(Decision::periodKey).containsExactly("e-1");
            assertThat(next.firedRules()).containsExactly("seen");
        }
        assertThat(explained).isEmpty(); // "boom" threw before it fired; nothing after reported to it
    }
}
