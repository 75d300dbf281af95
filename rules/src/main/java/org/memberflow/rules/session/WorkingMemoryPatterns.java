package org.memberflow.rules.session;

import java.util.function.Predicate;
import org.drools.base.base.ClassObjectType;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;

/** What every match of a rule's condition is sure to hold, read from the compiled condition. */
final class WorkingMemoryPatterns {
    private WorkingMemoryPatterns() {
    }

    /**
     * Whether every match of {@code element} holds a fact of working memory (a positive pattern
     * there: no {@code from}, entry point, window or the initial fact) that {@code pattern} accepts.
     * Anything this cannot be sure of ({@code not}, {@code exists}, accumulate, {@code eval}) holds
     * no such fact.
     */
    static boolean everyMatchHolds(RuleConditionElement element, Predicate<Pattern> pattern) {
        if (element instanceof Pattern p) {
            return p.getSource() == null && p.getBehaviors().isEmpty()
                    && p.getObjectType() != ClassObjectType.InitialFact_ObjectType && pattern.test(p);
        }
        if (element instanceof GroupElement g && g.isAnd()) {
            return g.getChildren().stream().anyMatch(child -> everyMatchHolds(child, pattern));
        }
        if (element instanceof GroupElement g && g.isOr()) {
            return !g.getChildren().isEmpty() && g.getChildren().stream().allMatch(child -> everyMatchHolds(child, pattern));
        }
        return false;
    }
}
