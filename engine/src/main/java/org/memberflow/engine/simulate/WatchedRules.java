package org.memberflow.engine.simulate;

import java.util.Collection;
import java.util.List;
import org.memberflow.rules.session.RuleOutcome;
import org.memberflow.rules.session.RuleRunner;
import org.memberflow.rules.session.Rules;

/**
 * A runner seen from outside the engine's hot path: a counter watches every session it opens, and
 * the facts and outcome of the last evaluation are kept, for simulating and explaining.
 */
final class WatchedRules implements Rules {
    private final RuleRunner runner;
    private final FiringCounter counter;
    private List<Object> lastFacts = List.of();
    private RuleOutcome lastOutcome;

    WatchedRules(RuleRunner runner, FiringCounter counter) {
        this.runner = runner;
        this.counter = counter;
    }

    @Override
    public RuleOutcome evaluate(Collection<?> facts) {
        lastFacts = List.copyOf(facts);
        lastOutcome = runner.evaluate(facts, counter);
        return lastOutcome;
    }

    @Override
    public String version() {
        return runner.version();
    }

    List<Object> lastFacts() {
        return lastFacts;
    }

    RuleOutcome lastOutcome() {
        return lastOutcome;
    }
}
