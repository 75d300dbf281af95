package org.memberflow.rules.session;

import java.util.List;
import org.memberflow.rules.decision.Decision;
import org.memberflow.segments.RfmClass;

/**
 * What one unit of work decided.
 *
 * @param firings how many consequences ran
 * @param capped  true when the firing limit stopped the session; then the decisions are
 *                incomplete and must not be acted on
 * @param ruleSetVersion {@code name:version} of the rule set that decided, recorded on every
 *                action (read from the outcome, not from the engine's current set, which a swap
 *                may have changed meanwhile)
 * @param rfmClass the class a classification rule gave the member; null when none did (then
 *                the built-in thresholds class the member)
 * @param firedRules the name of each rule whose consequence ran, once per firing (what the
 *                engine counts per rule)
 */
public record RuleOutcome(List<Decision> decisions, int firings, boolean capped, String ruleSetVersion,
        RfmClass rfmClass, List<String> firedRules) {
    public RuleOutcome {
        decisions = List.copyOf(decisions);
        firedRules = List.copyOf(firedRules);
    }

    /** An outcome that classed nobody, with no names of the rules that fired. */
    public RuleOutcome(List<Decision> decisions, int firings, boolean capped, String ruleSetVersion) {
        this(decisions, firings, capped, ruleSetVersion, null, List.of());
    }
}
