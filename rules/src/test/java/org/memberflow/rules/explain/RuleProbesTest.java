package org.memberflow.rules.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.memberflow.rules.fact.EventType;
import org.memberflow.rules.fact.MemberEvent;
import org.memberflow.rules.fact.MemberView;
import org.memberflow.rules.fact.Today;
import org.memberflow.rules.session.RuleFile;

class RuleProbesTest {
    private static final String RULES = """
            package campaigns
            import org.memberflow.rules.fact.MemberView
            import org.memberflow.rules.fact.MemberEvent
            import org.memberflow.rules.fact.Today
            import org.memberflow.rules.fact.PointsLot
            global org.memberflow.rules.decision.Decisions decisions

            rule "big spender"
            when
                MemberView( lifetimePurchases >= 3, lifetimeSpend > 1000 )
            then
                decisions.tagMember("vip", "once", "vip");
            end

            rule "on an event"
            when
                MemberEvent( )
            then
                decisions.tagMember("event", "once", "event");
            end

            rule "gold in december"
            when
                $m : MemberView( tier == "gold" )
                Today( date.getMonthValue() == 12 )
            then
                decisions.tagMember("december", "once", "gold");
            end

            rule "two lots"
            when
                PointsLot( points > 0 )
                PointsLot( points < 0 )
            then
                decisions.tagMember("lots", "once", "lots");
            end

            rule "nobody else"
            when
                not MemberView( tier == "gold" )
            then
                decisions.tagMember("other", "once", "other");
            end

            rule "gold, not on imported events"
            when
                MemberView( tier == "gold" )
                not MemberEvent( imported )
            then
                decisions.tagMember("gold", "once", "gold");
            end

            rule "either"
            when
                not ( MemberView( tier == "gold" ) or Today( ) )
            then
                decisions.tagMember("either", "once", "either");
            end
            """;

    @Test
    void shouldNameTheFirstConditionThatStopsEachRule() throws Exception {
        RuleProbes probes = RuleProbes.of(List.of(new RuleFile("c.drl", RULES.getBytes(StandardCharsets.UTF_8))));
        MemberView member = MemberView.builder("m-1", "default").tier("gold")
                .lifetime(5, new BigDecimal("300.00")).build();

        Map<String, String> why = probes.whyNot(List.of(member, new Today(LocalDate.of(2026, 5, 20))),
                List.of("big spender", "on an event", "gold in december", "two lots", "nobody else"));

        assertThat(why).containsEntry("big spender", "`lifetimeSpend > 1000` is not true for MemberView")
                .containsEntry("on an event", "there is no MemberEvent fact")
                .containsEntry("gold in december", "`date.getMonthValue() == 12` is not true for Today");
        assertThat(why).containsEntry("nobody else", "`not MemberView( tier == \"gold\" )` is not true: there is such a"
                + " MemberView fact");
        // Two patterns of one type: a prefix could build a cross product the rule never builds; not probed.
        assertThat(why.get("two lots")).startsWith("its conditions are not met (explain breaks down only");
    }

    @Test
    void shouldProbeANotOfOnePatternWholeAfterThePatternsBeforeIt() throws Exception {
        RuleProbes probes = RuleProbes.of(List.of(new RuleFile("c.drl", RULES.getBytes(StandardCharsets.UTF_8))));
        MemberEvent imported = MemberEvent.builder("e-1", "m-1", EventType.PURCHASE, Instant.parse("2024-03-08T06:30:00Z"))
                .orderId("o-1").amount(new BigDecimal("88.00")).attributes(Map.of("source", "import")).build();
        Today today = new Today(LocalDate.of(2026, 5, 20));

        assertThat(probes.whyNot(List.of(MemberView.builder("m-1", "default").tier("silver").build(), imported, today),
                List.of("gold, not on imported events")))
                .containsEntry("gold, not on imported events", "`tier == \"gold\"` is not true for MemberView");
        assertThat(probes.whyNot(List.of(MemberView.builder("m-1", "default").tier("gold").build(), imported, today),
                List.of("gold, not on imported events", "either")))
                .containsEntry("gold, not on imported events", "`not MemberEvent( imported )` is not true: there is such a"
                        + " MemberEvent fact")
                // a not over more than one pattern is not broken down
                .hasEntrySatisfying("either", why -> assertThat(why).startsWith("its conditions are not met (explain"));
    }

    @Test
    void shouldSayWhenAFactTheRuleJoinsIsMissing() throws Exception {
        RuleProbes probes = RuleProbes.of(List.of(new RuleFile("c.drl", RULES.getBytes(StandardCharsets.UTF_8))));
        MemberView member = MemberView.builder("m-1", "default").tier("gold").build();

        assertThat(probes.whyNot(List.of(member), List.of("gold in december")))
                .containsEntry("gold in december", "there is no Today fact that goes with the facts matched before it");
    }
}
