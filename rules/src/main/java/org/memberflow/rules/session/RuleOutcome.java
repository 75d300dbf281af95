package org.memberflow.rules.session;

import java.util.List;
import org.memberflow.rules.decision.Decision;

/**
 * What one unit of work decided.
 *
 * @param firings how many consequences ran
 * @param capped  true when the firing limit stopped the session: a looping rule; then the
 *                decisions are incomplete and must not be acted on
 */
public record RuleOutcome(List<Decision> decisions, int firings, boolean capped) {
    public RuleOutcome {
        decisions = List.copyOf(decisions);
    }
}
