package org.memberflow.engine.simulate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.memberflow.engine.action.CampaignAction;
import org.memberflow.engine.clock.ClockMode;
import org.memberflow.engine.member.EventFolder;
import org.memberflow.engine.member.MemberEvaluator;
import org.memberflow.engine.member.MemberState;
import org.memberflow.engine.member.MemberStateSerde;
import org.memberflow.rules.fact.MemberEvent;
import org.memberflow.rules.fact.Tick;
import org.memberflow.rules.session.RuleFailedException;
import org.memberflow.rules.session.RuleRunner;
import org.memberflow.segments.Breakpoints;
import org.memberflow.segments.RfmClass;

/**
 * Plays members through a draft rule set and through the active one, each from its own copy of
 * the member's state, the way the engine would (fold the event, evaluate, keep a decision once
 * per campaign and period), and reports the two side by side. The states given are not changed.
 */
public final class Simulator {
    public static final int MAX_DIFFERENCES = 100;
    private static final int MAX_FAILURES = 100;
    private final MemberStateSerde copier = new MemberStateSerde();
    private final int windowDays;
    private final ClockMode clockMode;
    private final Function<String, Breakpoints> breakpoints;

    public Simulator(int windowDays, ClockMode clockMode, Function<String, Breakpoints> breakpoints) {
        this.windowDays = windowDays;
        this.clockMode = clockMode;
        this.breakpoints = breakpoints;
    }

    /**
     * @param tick what wakes a member simulated without events (a sweep of that job and day)
     * @param now  the engine clock's now for the tick, and for events unless the clock runs on
     *             event time
     */
    public Simulation run(RuleRunner draft, RuleRunner active, List<SimulatedMember> members, Tick tick, Instant now) {
        SideTotals draftTotals = new SideTotals(draft.version());
        SideTotals activeTotals = new SideTotals(active.version());
        Map<List<String>, Integer> shifts = new HashMap<>();
        List<Simulation.MemberDifference> differences = new ArrayList<>();
        int differing = 0;
        int events = 0;
        for (SimulatedMember member : members) {
            events += member.events().size();
            Played d = play(draft, member, tick, now, draftTotals);
            Played a = play(active, member, tick, now, activeTotals);
            RfmClass before = member.state() == null ? null : member.state().rfmClass();
            String from = before == null ? null : before.code();
            String to = d.rfmClass == null ? null : d.rfmClass.code();
            shifts.merge(Arrays.asList(from, to), 1, Integer::sum);
            if (!d.actions.equals(a.actions)) {
                differing++;
                if (differences.size() < MAX_DIFFERENCES) {
                    differences.add(new Simulation.MemberDifference(member.memberId(), minus(d.actions, a.actions),
                            minus(a.actions, d.actions)));
                }
            }
        }
        List<Simulation.ClassShift> shiftList = shifts.entrySet().stream()
                .map(e -> new Simulation.ClassShift(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .sorted(Comparator.comparing((Simulation.ClassShift s) -> -s.members())
                        .thenComparing(s -> String.valueOf(s.from())).thenComparing(s -> String.valueOf(s.to())))
                .toList();
        return new Simulation(members.size(), events, draftTotals.side(), activeTotals.side(), shiftList, differences,
                differing);
    }

    private Played play(RuleRunner runner, SimulatedMember member, Tick tick, Instant now, SideTotals totals) {
        MemberState state = member.state() == null ? null : copier.read(copier.write(member.state()));
        MemberEvaluator evaluator = new MemberEvaluator(new WatchedRules(runner, totals.counter), windowDays);
        Set<String> actions = new LinkedHashSet<>();
        try {
            if (member.events().isEmpty()) {
                if (state == null) {
                    return new Played(actions, null);
                }
                collect(evaluator.evaluate(member.memberId(), state, null, tick, now,
                        breakpoints.apply(state.brandId())).actions(), actions, totals);
            }
            for (MemberEvent event : member.events()) {
                if (state == null) {
                    state = MemberState.newMember(event.getBrandId());
                } else if (state.hasSeen(event.getEventId())) {
                    continue;
                }
                state.recordSeen(event.getEventId());
                EventFolder.apply(state, event);
                Instant at = clockMode == ClockMode.EVENT ? event.getOccurredAt() : now;
                collect(evaluator.evaluate(member.memberId(), state, event, null, at,
                        breakpoints.apply(state.brandId())).actions(), actions, totals);
            }
        } catch (RuleFailedException e) {
            totals.fail(member.memberId(), e.getMessage());
        }
        return new Played(actions, state == null ? null : state.rfmClass());
    }

    private static void collect(List<CampaignAction> taken, Set<String> actions, SideTotals totals) {
        for (CampaignAction a : taken) {
            actions.add(a.campaignId() + "/" + a.periodKey() + " " + a.type() + " " + new TreeMap<>(a.params()));
            totals.actionsPerCampaign.merge(a.campaignId(), 1, Integer::sum);
            totals.actions++;
        }
    }

    private static List<String> minus(Set<String> a, Set<String> b) {
        return a.stream().filter(x -> !b.contains(x)).toList();
    }

    private record Played(Set<String> actions, RfmClass rfmClass) {
    }

    private static final class SideTotals {
        final String version;
        final FiringCounter counter = new FiringCounter();
        final Map<String, Integer> actionsPerCampaign = new TreeMap<>();
        final List<Simulation.Failure> failures = new ArrayList<>();
        int actions;

        SideTotals(String version) {
            this.version = Objects.requireNonNull(version);
        }

        void fail(String memberId, String reason) {
            if (failures.size() < MAX_FAILURES) {
                failures.add(new Simulation.Failure(memberId, reason));
            }
        }

        Simulation.Side side() {
            return new Simulation.Side(version, counter.firings(), actionsPerCampaign, actions, failures);
        }
    }
}
