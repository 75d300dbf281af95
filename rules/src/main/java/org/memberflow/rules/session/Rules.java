package org.memberflow.rules.session;

import java.util.Collection;
import java.util.List;

/**
 * What the engine asks of the active rule set: decide for one unit of work. {@link RuleRunner}
 * is the Drools implementation; {@link #none()} decides nothing, for measuring the pipeline
 * without rules.
 */
public interface Rules {

    RuleOutcome evaluate(Collection<?> facts);

    /** {@code name:version} of the rule set, recorded on every action it decides. */
    String version();

    static Rules none() {
        return new Rules() {
            @Override
            public RuleOutcome evaluate(Collection<?> facts) {
                return new RuleOutcome(List.of(), 0, false, version());
            }

            @Override
            public String version() {
                return "none:0";
            }
        };
    }
}
