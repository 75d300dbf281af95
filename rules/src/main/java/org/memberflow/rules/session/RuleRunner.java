package org.memberflow.rules.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.memberflow.rules.decision.DecisionRecorder;
import org.memberflow.rules.fact.RfmProfile;
import org.memberflow.segments.RfmClass;

/**
 * Runs a compiled rule set over the facts of one unit of work (one event, or one member in a
 * sweep) and returns what it decided. No state leaks from one unit to the next, even from a unit
 * that failed half-way or stopped at the firing limit: each unit takes its sessions from a
 * {@link SessionSupply} and gives them back in finally. Where {@link SessionReuse} finds that a
 * session emptied of its facts fires as a new one would (every rule holds a fact; no agenda
 * groups, timers or the like), sessions are kept and emptied; otherwise they come from a
 * {@code KieSessionsPool}, which resets them.
 *
 * <p>Why kept: JMH ({@code SessionStrategyBenchmark} in {@code bench/}, the built-in set over the
 * facts of 4,096 real events; figures in BENCHMARKS.md) put this runner at 9.7 µs an event with
 * kept sessions and 15.4 µs with reset ones, in one run; a new session per unit spends most of
 * its time building the session, and a stateless session was slower still. Since facts no rule
 * reads are left out ({@link VisibleFacts}), a reset has less to clear and the gap is small in
 * JMH (6.3 against 6.4–6.5 µs in runs 9 and 10).
 */
public final class RuleRunner implements Rules {
    /** The global through which consequences decide. */
    public static final String DECISIONS_GLOBAL = "decisions";

    private final CompiledRuleSet ruleSet;
    /**
     * Two supplies, not one: where a member is classed in a session of its own, that session is
     * taken while the unit's own is in use, and it runs on a KieBase of only the rules a lone
     * profile can fire ({@link ClassingRules}).
     */
    private final SessionSupply sessions;
    private final SessionSupply classingSessions;
    private final VisibleFacts visibleFacts;
    /**
     * Whether the member's own session can class it, first, before its other facts are in:
     * where every rule a lone profile can fire matches on the profile and nothing else
     * ({@link ClassingRules#onlyOnProfiles}), those rules fire the same whatever else the session
     * holds, and no other rule can fire on the profile alone. Their decisions then come first,
     * whatever their salience. A classing session of its own cost a seventh of the daily sweep's
     * stream threads.
     */
    private final boolean classingInSession;
    private final List<String> reuseBlockers;
    private final int maxFirings;
    private final String version;

    public RuleRunner(CompiledRuleSet ruleSet, int maxFirings) {
        this(ruleSet, maxFirings, true);
    }

    /**
     * @param keepSessions false: reset sessions even where they could be kept (for the benchmark
     *                     that measures what keeping them gains)
     */
    public RuleRunner(CompiledRuleSet ruleSet, int maxFirings, boolean keepSessions) {
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings must be positive");
        }
        this.ruleSet = ruleSet;
        this.visibleFacts = new VisibleFacts(ruleSet.kieBase());
        this.reuseBlockers = SessionReuse.blockers(ruleSet.kieBase());
        // Groups and the like (what keeps sessions from being kept) tie rules together across the
        // two steps: such a set keeps its classing session.
        this.classingInSession = reuseBlockers.isEmpty() && ClassingRules.onlyOnProfiles(ruleSet.classingKieBase());
        boolean keep = keepSessions && reuseBlockers.isEmpty();
        this.sessions = SessionSupply.over(ruleSet.kieBase(), keep);
        this.classingSessions = SessionSupply.over(ruleSet.classingKieBase(), keep);
        this.maxFirings = maxFirings;
        this.version = ruleSet.name() + ":" + ruleSet.version();
    }

    public CompiledRuleSet ruleSet() {
        return ruleSet;
    }

    /** The rules that keep this set's sessions from being kept between units (empty: they are kept). */
    public List<String> reuseBlockers() {
        return reuseBlockers;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public RuleOutcome evaluate(Collection<?> facts) {
        return evaluate(facts, null);
    }

    /**
     * Evaluates as {@link #evaluate(Collection)} does, with {@code listener} watching the agenda
     * (which rules matched, fired, were cancelled): for simulating and explaining, not for the
     * engine's hot path.
     */
    public RuleOutcome evaluate(Collection<?> facts, AgendaEventListener listener) {
        RecordingSession taken = sessions.take();
        KieSession session = taken.session();
        DecisionRecorder recorder = taken.recorder();
        List<FactHandle> inserted = new ArrayList<>(facts.size());
        boolean clean = false;
        try {
            if (listener != null) {
                session.addEventListener(listener);
            }
            PendingSegment pending = null;
            RfmProfile profile = null;
            for (Object fact : facts) {
                if (fact instanceof PendingSegment p) {
                    pending = p;
                } else if (fact instanceof RfmProfile rp) {
                    profile = rp;
                }
            }
            // The class first, from the profile alone; then every rule runs with the Segment of that
            // class present, so salience, activation groups, `not Segment(...)` and accumulations
            // over Segment all see the real class.
            RfmClass rfmClass = null;
            int firings = 0;
            boolean classedHere = pending != null && profile != null && classingInSession;
            if (classedHere) {
                insert(session, profile, inserted);
                firings = fire(session, maxFirings + 1, recorder);
                rfmClass = recorder.classification();
            } else if (pending != null && profile != null) {
                rfmClass = classify(profile);
            }
            for (Object fact : facts) {
                if (!(fact instanceof PendingSegment) && !(classedHere && fact == profile)) {
                    insert(session, fact, inserted);
                }
            }
            if (pending != null) {
                recorder.fixClassification(rfmClass);
                insert(session, pending.classifiedAs(rfmClass != null ? rfmClass : pending.defaultClass()), inserted);
            }
            // One more than allowed, so that reaching the limit is told apart from stopping at it.
            if (firings <= maxFirings) {
                firings += fire(session, maxFirings + 1 - firings, recorder);
            }
            boolean capped = firings > maxFirings;
            clean = !capped;
            // The member's session's firings only: a classing session runs the profile's rules again.
            return new RuleOutcome(recorder.decisions().recorded(), Math.min(firings, maxFirings), capped, version(),
                    rfmClass, recorder.fired());
        } finally {
            if (listener != null) {
                session.removeEventListener(listener);
            }
            sessions.giveBack(taken, inserted, clean);
        }
    }

    /**
     * The class the classification rules give {@code profile}, in a session that holds nothing
     * else: only rules on the profile alone can fire there (the others are not in its KieBase),
     * and what else they decide is dropped.
     */
    private RfmClass classify(RfmProfile profile) {
        RecordingSession taken = classingSessions.take();
        FactHandle inserted = null;
        boolean clean = false;
        try {
            inserted = taken.session().insert(profile);
            if (fire(taken.session(), maxFirings + 1, taken.recorder()) > maxFirings) {
                throw new RuleFailedException("rule firing limit of " + maxFirings + " reached while classing the member");
            }
            clean = true;
            return taken.recorder().classification();
        } finally {
            classingSessions.giveBack(taken, inserted == null ? List.of() : List.of(inserted), clean);
        }
    }

    /** Inserts {@code fact} unless no rule of the set can see it. */
    private void insert(KieSession session, Object fact, List<FactHandle> inserted) {
        if (visibleFacts.visible(fact.getClass())) {
            inserted.add(session.insert(fact));
        }
    }

    private static int fire(KieSession session, int limit, DecisionRecorder recorder) {
        try {
            return session.fireAllRules(limit);
        } catch (RuntimeException e) {
            throw new RuleFailedException("rule \"" + recorder.firing() + "\" failed: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
