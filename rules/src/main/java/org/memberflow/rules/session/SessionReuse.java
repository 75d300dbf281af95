package org.memberflow.rules.session;

import java.util.ArrayList;
import java.util.List;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.EntryPointId;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Whether one session can run unit after unit, its facts deleted after each, and fire exactly what
 * a fresh session would: the reason {@link RuleRunner} may keep sessions instead of resetting them.
 *
 * <p>Deleting every fact takes back every match, and the next unit's facts make new ones that fire
 * again, for a rule whose condition holds a positive pattern on working memory (its "anchor"): a
 * match of such a rule dies with the fact it holds. A rule without one (only {@code not},
 * {@code exists}, {@code eval}, or patterns {@code from} elsewhere) matches on no fact at all: its
 * match would outlive the unit and, having fired once, never fire again. Agenda and activation
 * groups, auto-focus, timers, calendars, lock-on-active, logical inserts and sliding windows keep
 * state of their own between firings, and only the default entry point is emptied. A rule set
 * with any such rule keeps the reset sessions.
 */
public final class SessionReuse {
    private SessionReuse() {
    }

    /** What keeps {@code kieBase}'s sessions from being reused: a rule and why, each; empty: nothing. */
    public static List<String> blockers(KieBase kieBase) {
        List<String> blockers = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                if (!(rule instanceof RuleImpl r)) {
                    blockers.add(rule.getName() + ": not a compiled rule this check knows");
                } else if (!r.isQuery()) {
                    String why = blocker(r);
                    if (why != null) {
                        blockers.add(r.getName() + ": " + why);
                    }
                }
            }
        }
        return blockers;
    }

    private static String blocker(RuleImpl rule) {
        if (!rule.isMainAgendaGroup() || rule.getRuleFlowGroup() != null || rule.getAutoFocus()) {
            return "agenda group";
        }
        if (rule.getActivationGroup() != null) {
            return "activation group";
        }
        if (rule.getTimer() != null || (rule.getCalendars() != null && rule.getCalendars().length > 0)) {
            return "timer or calendar";
        }
        if (rule.isLockOnActive()) {
            return "lock-on-active";
        }
        if (rule.hasLogicalDependency()) {
            return "logical insert";
        }
        if (readsAnEntryPoint(rule.getLhs())) {
            return "entry point"; // only the default one is emptied
        }
        return WorkingMemoryPatterns.everyMatchHolds(rule.getLhs(), p -> true) ? null : "no positive pattern on working memory";
    }

    private static boolean readsAnEntryPoint(RuleConditionElement element) {
        return element instanceof Pattern p && p.getSource() instanceof EntryPointId
                || element.getNestedElements().stream().anyMatch(SessionReuse::readsAnEntryPoint);
    }
}
