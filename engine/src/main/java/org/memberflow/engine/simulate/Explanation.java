package org.memberflow.engine.simulate;

import java.util.List;

/**
 * Why a rule set decided what it decided for one member: the facts the rules saw, and for every
 * rule whether it fired, what it decided, and if it did not fire, why not.
 */
public record Explanation(String memberId, String ruleSet, List<Fact> facts, List<RuleReport> rules) {

    /** A fact as the rules saw it: its type and its fields. */
    public record Fact(String type, Object value) {
    }

    /**
     * @param fired     how many times the rule fired
     * @param decisions what it decided, as {@code campaign/period TYPE params}
     * @param dropped   decisions not taken because the member already had that campaign in that
     *                  period (once per campaign and period)
     * @param whyNot    for a rule that did not fire: the condition that stopped it
     */
    public record RuleReport(String rule, int fired, List<String> decisions, List<String> dropped, String whyNot) {
    }
}
