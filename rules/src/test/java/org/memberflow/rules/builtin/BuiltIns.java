package org.memberflow.rules.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.memberflow.rules.decision.Decision;
import org.memberflow.rules.fact.CampaignHistory;
import org.memberflow.rules.fact.MemberEvent;
import org.memberflow.rules.fact.MemberView;
import org.memberflow.rules.fact.Segment;
import org.memberflow.rules.fact.Today;
import org.memberflow.rules.session.BuiltInRuleSet;
import org.memberflow.rules.session.RuleOutcome;
import org.memberflow.rules.session.RuleRunner;
import org.memberflow.segments.RfmClass;

/**
 * The real built-in rule set, compiled once for all the campaign tests, and the facts the engine
 * inserts for one member, as in {@code MemberEvaluator}: today, the member, the segment, the
 * campaign history, and whatever the test adds (an event, a tick, points lots).
 */
final class BuiltIns {
    private static final RuleRunner RULES = new RuleRunner(BuiltInRuleSet.compile(), 100);

    private BuiltIns() {
    }

    /** Every decision the built-in set makes for these facts, with today, a quiet segment and no history. */
    static List<Decision> decide(LocalDate today, MemberView member, Object... more) {
        List<Object> facts = new ArrayList<>();
        facts.add(new Today(today));
        facts.add(member);
        facts.add(quietSegment());
        facts.add(new CampaignHistory(Map.of()));
        facts.addAll(Arrays.asList(more));
        return run(facts);
    }

    /** Every decision for exactly these facts. */
    static List<Decision> run(List<Object> facts) {
        RuleOutcome outcome = RULES.evaluate(facts);
        assertThat(outcome.capped()).isFalse();
        return outcome.decisions();
    }

    /** The decisions of one campaign. */
    static List<Decision> of(String campaignId, List<Decision> decisions) {
        return decisions.stream().filter(d -> d.campaignId().equals(campaignId)).toList();
    }

    static MemberView.Builder member(String memberId) {
        return MemberView.builder(memberId, "default");
    }

    /** The same event as loaded from an old system by scripts/import ({@code attributes.source = "import"}). */
    static MemberEvent imported(MemberEvent.Builder event) {
        return event.attributes(Map.of(MemberEvent.SOURCE_ATTRIBUTE, MemberEvent.IMPORTED)).build();
    }

    /** A member with a spend in the window whose RFM class did not change: the class-change rule stays quiet. */
    static Segment quietSegment() {
        return new Segment(RfmClass.GENERAL_KEEP, RfmClass.GENERAL_KEEP, 3, 3, 3, 40, 3, new BigDecimal("300.00"));
    }
}
