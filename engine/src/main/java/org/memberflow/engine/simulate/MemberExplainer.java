package org.memberflow.engine.simulate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.memberflow.engine.action.CampaignAction;
import org.memberflow.engine.member.EventFolder;
import org.memberflow.engine.member.Evaluation;
import org.memberflow.engine.member.MemberEvaluator;
import org.memberflow.engine.member.MemberState;
import org.memberflow.engine.member.MemberStateSerde;
import org.memberflow.rules.decision.Decision;
import org.memberflow.rules.explain.RuleProbes;
import org.memberflow.rules.fact.MemberEvent;
import org.memberflow.rules.fact.Tick;
import org.memberflow.rules.session.PendingSegment;
import org.memberflow.rules.session.RuleRunner;
import org.memberflow.segments.Breakpoints;
import org.memberflow.segments.RfmClass;

/**
 * Explains one member: evaluates a copy of their state (with the event folded in, or woken by a
 * tick) the way the engine does, watching which rules fire, then asks the {@link RuleProbes} why
 * the others did not. The member's real state is not changed.
 */
public final class MemberExplainer {
    private final MemberStateSerde copier = new MemberStateSerde();
    private final int windowDays;

    public MemberExplainer(int windowDays) {
        this.windowDays = windowDays;
    }

    /**
     * @param state the member's state, or null for a member the event registers
     * @param event the event to explain, or null to explain a tick
     */
    public Explanation explain(RuleRunner runner, RuleProbes probes, String memberId, MemberState state,
            MemberEvent event, Tick tick, Instant now, Breakpoints breakpoints) {
        MemberState copy = state == null ? MemberState.newMember(event.getBrandId()) : copier.read(copier.write(state));
        if (event != null && !copy.hasSeen(event.getEventId())) {
            copy.recordSeen(event.getEventId());
            EventFolder.apply(copy, event);
        }
        FiringCounter counter = new FiringCounter();
        WatchedRules watched = new WatchedRules(runner, counter);
        Evaluation evaluation = new MemberEvaluator(watched, windowDays).evaluate(memberId, copy, event,
                event == null ? tick : null, now, breakpoints);

        Set<String> taken = new HashSet<>();
        for (CampaignAction a : evaluation.actions()) {
            taken.add(a.campaignId() + "/" + a.periodKey());
        }
        Map<String, List<String>> decided = new TreeMap<>();
        Map<String, List<String>> dropped = new TreeMap<>();
        for (Decision d : watched.lastOutcome().decisions()) {
            String key = d.campaignId() + "/" + d.periodKey();
            String text = key + " " + d.type() + " " + new TreeMap<>(d.params());
            decided.computeIfAbsent(d.rule(), r -> new ArrayList<>()).add(text);
            if (!taken.remove(key)) {
                dropped.computeIfAbsent(d.rule(), r -> new ArrayList<>()).add(text);
            }
        }
        List<String> allRules = runner.ruleSet().ruleNames();
        List<String> notFired = allRules.stream().filter(r -> !counter.firings().containsKey(r)).toList();
        // The facts as the rules saw them: the Segment of the class the classification gave.
        RfmClass rfmClass = RfmClass.fromCode(evaluation.snapshot().rfmClass());
        List<Object> seen = watched.lastFacts().stream()
                .map(f -> f instanceof PendingSegment p ? (Object) p.classifiedAs(rfmClass) : f).toList();
        Map<String, String> whyNot = probes.whyNot(seen, notFired);

        List<Explanation.RuleReport> reports = new ArrayList<>();
        for (String rule : allRules) {
            reports.add(new Explanation.RuleReport(rule, counter.firings().getOrDefault(rule, 0),
                    decided.getOrDefault(rule, List.of()), dropped.getOrDefault(rule, List.of()), whyNot.get(rule)));
        }
        List<Explanation.Fact> facts = seen.stream()
                .map(f -> new Explanation.Fact(f.getClass().getSimpleName(), f)).toList();
        return new Explanation(memberId, runner.version(), facts, reports);
    }
}
