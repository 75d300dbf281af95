package org.memberflow.rules.session;

import java.util.Collection;
import org.kie.api.runtime.KieSession;
import org.memberflow.rules.decision.DecisionRecorder;

/**
 * Runs a compiled rule set over the facts of one unit of work (one event, or one member in a
 * sweep) and returns what it decided. A fresh session per unit of work, disposed in finally:
 * no state leaks from one member to the next.
 *
 * <p>Why a fresh stateful session: measured on 2026-11-24 (2-core machine, built-in rule set,
 * the seven facts of a purchase event, 20,000 evaluations per strategy after warm-up), a new
 * {@code KieSession} per unit took 22.8 µs, a {@code StatelessKieSession} batch 29.0 µs and one
 * reused session per task (insert, fire, delete) 18.6 µs. The reused session saves about 4 µs
 * but would carry facts over to the next member whenever a unit fails half-way; the stateless
 * session is slower. The benchmark issue measures this again with JMH.
 */
public final class RuleRunner implements Rules {
    /** The global through which consequences decide. */
    public static final String DECISIONS_GLOBAL = "decisions";

    private final CompiledRuleSet ruleSet;
    private final int maxFirings;

    public RuleRunner(CompiledRuleSet ruleSet, int maxFirings) {
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings must be positive");
        }
        this.ruleSet = ruleSet;
        this.maxFirings = maxFirings;
    }

    public CompiledRuleSet ruleSet() {
        return ruleSet;
    }

    @Override
    public String version() {
        return ruleSet.name() + ":" + ruleSet.version();
    }

    @Override
    public RuleOutcome evaluate(Collection<?> facts) {
        DecisionRecorder recorder = new DecisionRecorder();
        KieSession session = ruleSet.kieBase().newKieSession();
        try {
            session.setGlobal(DECISIONS_GLOBAL, recorder.decisions());
            session.addEventListener(recorder);
            facts.forEach(session::insert);
            // One more than allowed, so that reaching the limit is told apart from stopping at it.
            int fired = session.fireAllRules(maxFirings + 1);
            boolean capped = fired > maxFirings;
            return new RuleOutcome(recorder.decisions().recorded(), Math.min(fired, maxFirings), capped);
        } finally {
            session.dispose();
        }
    }
}
