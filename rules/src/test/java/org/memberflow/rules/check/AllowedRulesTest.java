package org.memberflow.rules.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.memberflow.rules.decision.Decision;
import org.memberflow.rules.fact.EventType;
import org.memberflow.rules.fact.MemberEvent;
import org.memberflow.rules.fact.MemberView;
import org.memberflow.rules.fact.PointsLot;
import org.memberflow.rules.fact.Today;
import org.memberflow.rules.session.RuleFile;
import org.memberflow.rules.session.RuleRunner;
import org.memberflow.rules.session.RuleSetCompiler;
import org.memberflow.rules.session.RuleSetRejectedException;

/** What marketers legitimately write passes the safety check, compiles and runs. */
class AllowedRulesTest {

    @Test
    void shouldAcceptTheWholeVocabulary() throws Exception {
        String drl = """
                package allowed

                import org.memberflow.rules.fact.*
                import java.math.BigDecimal
                import java.math.RoundingMode
                import java.time.LocalDate
                import java.time.temporal.ChronoUnit

                global org.memberflow.rules.decision.Decisions decisions

                function String band(BigDecimal spend) {
                    if (spend.compareTo(new BigDecimal("1000")) >= 0) {
                        return "big";
                    }
                    return "small";
                }

                rule "big spender in the window" salience 10
                when
                    $m : MemberView( spendInWindow != null, $spend : spendInWindow, tier in ("gold", "silver") )
                    $e : MemberEvent( type == EventType.PURCHASE, amount != null, amount > 100 )
                    Today( $day : date )
                    not PointsLot( points > 100000 )
                    eval( Math.max($m.getPurchasesInWindow(), 1) >= 1 )
                    $lots : Number( intValue >= 0 ) from accumulate( PointsLot( $p : points ), sum($p) )
                then
                    int tags = 0;
                    for (String tag : $m.getTags()) {
                        tags++;
                    }
                    String period = $day.getYear() + "-" + $day.getMonthValue();
                    long days = ChronoUnit.DAYS.between($day, LocalDate.of(2027, 1, 1));
                    BigDecimal rounded = $spend.setScale(0, RoundingMode.HALF_UP);
                    decisions.issueCoupon("big-spender", period, band(rounded) + "-" + tags + "-" + days);
                end
                """;
        RuleRunner runner = new RuleRunner(new RuleSetCompiler().compile("allowed", "1",
                List.of(new RuleFile("allowed.drl", drl.getBytes(StandardCharsets.UTF_8)))), 100);
        MemberView view = MemberView.builder("m1", "default").tier("gold").tags(List.of("vip", "new"))
                .timeZone(ZoneId.of("Asia/Shanghai")).window(3, new BigDecimal("1500.40")).build();
        MemberEvent purchase = MemberEvent.builder("e1", "m1", EventType.PURCHASE, Instant.parse("2026-11-25T02:00:00Z"))
                .amount(new BigDecimal("300.00")).orderId("o1").build();

        List<Decision> decisions = runner.evaluate(List.of(view, purchase, new Today(LocalDate.of(2026, 11, 25)),
                new PointsLot("l1", 50, null, null, null))).decisions();

        assertThat(decisions).extracting(Decision::periodKey).containsExactly("2026-11");
        assertThat(decisions.get(0).params()).containsEntry("couponTemplate", "big-2-37");
    }

    @Test
    void shouldPointATypeErrorInAConsequenceAtItsLine() {
        String drl = """
                package typed
                import org.memberflow.rules.fact.MemberEvent
                global org.memberflow.rules.decision.Decisions decisions
                rule "wrong argument"
                when
                    MemberEvent()
                then
                    decisions.issueCoupon("c", 42, "T");
                end
                """;
        RuleSetRejectedException refused = catchThrowableOfType(RuleSetRejectedException.class,
                () -> new RuleSetCompiler().compile("typed", "1", List.of(
                        new RuleFile("other.drl", "package typed\n".getBytes(StandardCharsets.UTF_8)),
                        new RuleFile("typed.drl", drl.getBytes(StandardCharsets.UTF_8)))));

        assertThat(refused.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("typed.drl");
            assertThat(e.line()).isEqualTo(8);
            assertThat(e.message()).contains("issueCoupon");
        });
    }

    @Test
    void shouldPointAnUnknownFieldInAConstraintAtItsLine() {
        String drl = """
                package typed
                import org.memberflow.rules.fact.MemberEvent
                global org.memberflow.rules.decision.Decisions decisions
                rule "unknown field"
                when
                    MemberEvent()
                    MemberEvent( colour == "red" )
                then
                    decisions.sendMessage("c", "once", "T");
                end
                """;
        RuleSetRejectedException refused = catchThrowableOfType(RuleSetRejectedException.class,
                () -> new RuleSetCompiler().compile("typed", "1", List.of(
                        new RuleFile("typed.drl", drl.getBytes(StandardCharsets.UTF_8)))));

        assertThat(refused.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(7);
            assertThat(e.column()).isPositive();
            assertThat(e.message()).contains("`colour` is not a field of MemberEvent");
        });
    }
}
