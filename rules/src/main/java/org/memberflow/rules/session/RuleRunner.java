package org.memberflow.rules.session;

import java.util.Collection;
import org.kie.api.runtime.KieSession;
import org.memberflow.rules.decision.DecisionRecorder;

/**
 * Runs a compiled rule set over the facts of one unit of work (one event, or one member in a
 * sweep) and returns what it decided. A fresh session per unit of work, disposed in finally:
 * no state leaks from one member to the next.
 */
public final class RuleRunner {
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
