package org.memberflow.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.memberflow.bench.generate.HistoryGenerator;
import org.memberflow.engine.event.EventReader;
import org.memberflow.engine.event.InvalidEventException;
import org.memberflow.engine.member.EventFolder;
import org.memberflow.engine.member.MemberEvaluator;
import org.memberflow.engine.member.MemberState;
import org.memberflow.rules.fact.MemberEvent;
import org.memberflow.rules.session.RuleOutcome;
import org.memberflow.rules.session.Rules;
import org.memberflow.segments.Breakpoints;

/**
 * The facts rules see for real events: a generated year folded in memory through the engine's
 * own reader, folder and evaluator, keeping the fact lists of the last events. Benchmarks cycle
 * through them, so the rule network sees members of every kind, not one member again and again.
 */
final class FactSamples {
    private FactSamples() {
    }

    static List<List<Object>> lastEvents(int members, int keep) {
        List<List<Object>> kept = new ArrayList<>();
        Rules capture = new Rules() {
            @Override
            public RuleOutcome evaluate(Collection<?> facts) {
                kept.add(List.copyOf(facts));
                if (kept.size() > keep) {
                    kept.remove(0);
                }
                return new RuleOutcome(List.of(), 0, false, version());
            }

            @Override
            public String version() {
                return "capture:0";
            }
        };
        fold(members, new MemberEvaluator(capture, 365));
        return kept;
    }

    private static void fold(int members, MemberEvaluator evaluator) {
        EventReader reader = new EventReader();
        Map<String, MemberState> states = new HashMap<>();
        Breakpoints breakpoints = Breakpoints.defaults();
        new HistoryGenerator(members, 42L).generate(e -> {
            MemberEvent event;
            try {
                event = reader.read(e.json().getBytes(StandardCharsets.UTF_8));
            } catch (InvalidEventException ex) {
                throw new IllegalStateException("the generator wrote an invalid event: " + ex.getMessage(), ex);
            }
            MemberState state = states.computeIfAbsent(event.getMemberId(), id -> MemberState.newMember(event.getBrandId()));
            EventFolder.apply(state, event);
            Instant now = event.getOccurredAt();
            evaluator.evaluate(event.getMemberId(), state, event, null, now, breakpoints);
        });
    }
}
