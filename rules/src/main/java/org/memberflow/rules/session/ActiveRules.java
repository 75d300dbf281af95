package org.memberflow.rules.session;

import java.util.Collection;
import java.util.Objects;

/**
 * The rule set the engine runs, swapped whole between units of work. Each evaluation reads the
 * current runner once, so an event or a swept member is decided entirely by one version, old or
 * new, and says which ({@link RuleOutcome#ruleSetVersion()}). A swap stops nothing and replays
 * nothing: the stream goes on, and the next unit of work meets the new version.
 */
public final class ActiveRules implements Rules {
    private volatile RuleRunner current;

    public ActiveRules(RuleRunner initial) {
        this.current = Objects.requireNonNull(initial, "initial");
    }

    /** Makes {@code next} the rule set of every unit of work that starts from now on. */
    public void activate(RuleRunner next) {
        current = Objects.requireNonNull(next, "next");
    }

    /** The runner of the active set, for comparing it with another (simulation). */
    public RuleRunner runner() {
        return current;
    }

    @Override
    public RuleOutcome evaluate(Collection<?> facts) {
        return current.evaluate(facts);
    }

    @Override
    public String version() {
        return current.version();
    }
}
