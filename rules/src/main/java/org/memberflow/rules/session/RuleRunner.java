package org.memberflow.rules.session;

import java.util.Collection;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.memberflow.rules.decision.DecisionRecorder;
import org.memberflow.rules.fact.RfmProfile;
import org.memberflow.segments.RfmClass;

/**
 * Runs a compiled rule set over the facts of one unit of work (one event, or one member in a
 * sweep) and returns what it decided. Each unit takes its sessions from a {@link KieSessionsPool}
 * and disposes them in finally, which resets them (facts, agenda, globals, listeners) before the
 * pool hands them out again: no state leaks from one member to the next, even from a unit that
 * failed half-way or stopped at the firing limit.
 *
 * <p>Why pooled: JMH ({@code SessionStrategyBenchmark} in {@code bench/}, the built-in set over
 * the facts of 4,096 real events; figures in BENCHMARKS.md) put a pooled session at 0.45–0.72 of
 * the time of a new session per unit, which spends most of its time building the session. A
 * stateless session was slower, and one session reused by hand needs every fact deleted.
 */
public final class RuleRunner implements Rules {
    /** The global through which consequences decide. */
    public static final String DECISIONS_GLOBAL = "decisions";

    private final CompiledRuleSet ruleSet;
    /**
     * Thread-safe pools, each growing to the sessions in use at once (one per stream thread). Two
     * pools, not one: a pooled session is reset by walking every node memory it ever made, and a
     * session that only ever classes a profile makes few, where one that also ran whole units
     * makes them all (JFR of the sweep: returning sessions took 22% of the stream thread with one
     * pool, 14% with two).
     */
    private final KieSessionsPool sessions;
    private final KieSessionsPool classingSessions;
    private final int maxFirings;
    private final String version;

    public RuleRunner(CompiledRuleSet ruleSet, int maxFirings) {
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings must be positive");
        }
        this.ruleSet = ruleSet;
        this.sessions = ruleSet.kieBase().newKieSessionsPool(2);
        this.classingSessions = ruleSet.kieBase().newKieSessionsPool(2);
        this.maxFirings = maxFirings;
        this.version = ruleSet.name() + ":" + ruleSet.version();
    }

    public CompiledRuleSet ruleSet() {
        return ruleSet;
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
        DecisionRecorder recorder = new DecisionRecorder();
        KieSession session = sessions.newKieSession();
        try {
            session.setGlobal(DECISIONS_GLOBAL, recorder.decisions());
            session.addEventListener(recorder);
            if (listener != null) {
                session.addEventListener(listener);
            }
            PendingSegment pending = null;
            RfmProfile profile = null;
            for (Object fact : facts) {
                if (fact instanceof PendingSegment p) {
                    pending = p;
                } else {
                    profile = fact instanceof RfmProfile rp ? rp : profile;
                    session.insert(fact);
                }
            }
            RfmClass rfmClass = null;
            if (pending != null) {
                // The class first, from the profile alone; then every rule runs with the Segment of
                // that class present, so salience, activation groups, `not Segment(...)` and
                // accumulations over Segment all see the real class.
                rfmClass = profile == null ? null : classify(profile);
                recorder.fixClassification(rfmClass);
                session.insert(pending.classifiedAs(rfmClass != null ? rfmClass : pending.defaultClass()));
            }
            // One more than allowed, so that reaching the limit is told apart from stopping at it.
            int firings = fire(session, maxFirings + 1, recorder);
            boolean capped = firings > maxFirings;
            // The main session's firings only: the classing session runs the profile's rules again.
            return new RuleOutcome(recorder.decisions().recorded(), Math.min(firings, maxFirings), capped, version(),
                    rfmClass, recorder.fired());
        } finally {
            session.dispose();
        }
    }

    /**
     * The class the classification rules give {@code profile}, in a session that holds nothing
     * else: only rules on the profile alone can fire there, and what else they decide is dropped.
     */
    private RfmClass classify(RfmProfile profile) {
        DecisionRecorder recorder = new DecisionRecorder();
        KieSession session = classingSessions.newKieSession();
        try {
            session.setGlobal(DECISIONS_GLOBAL, recorder.decisions());
            session.addEventListener(recorder);
            session.insert(profile);
            if (fire(session, maxFirings + 1, recorder) > maxFirings) {
                throw new RuleFailedException("rule firing limit of " + maxFirings + " reached while classing the member");
            }
            return recorder.classification();
        } finally {
            session.dispose();
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
