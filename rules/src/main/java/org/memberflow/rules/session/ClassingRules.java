package org.memberflow.rules.session;

import java.util.ArrayList;
import java.util.List;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.memberflow.rules.fact.RfmProfile;

/**
 * The KieBase of the classing session, where a member's {@link RfmProfile} is the only fact: the
 * rule set less every rule that needs a fact of another type, which could never fire there. Such a
 * rule has no match to make, so taking it out changes nothing the session decides; what it saves
 * is the work of its part of the network on every insert (the classing session was 16% of the
 * sweep's stream thread with the whole set).
 */
final class ClassingRules {
    private ClassingRules() {
    }

    /** A second KieBase of {@code container}'s rule set, with only the rules a lone profile can fire. */
    static KieBase kieBase(KieContainer container) {
        KieBase kieBase = container.newKieBase(null);
        for (RuleImpl rule : needingOtherFacts(kieBase)) {
            kieBase.removeRule(rule.getPackageName(), rule.getName());
        }
        return kieBase;
    }

    /** The rules of {@code kieBase} that cannot fire in a session holding only a profile. */
    static List<RuleImpl> needingOtherFacts(KieBase kieBase) {
        List<RuleImpl> rules = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                if (rule instanceof RuleImpl r && !r.isQuery()
                        && WorkingMemoryPatterns.everyMatchHolds(r.getLhs(), ClassingRules::notAProfile)) {
                    rules.add(r);
                }
            }
        }
        return rules;
    }

    /**
     * Whether every rule of {@code classingKieBase} (see {@link #kieBase}) matches on profiles and
     * nothing else: only positive patterns on {@link RfmProfile} itself, from working memory, no
     * {@code not}, {@code exists}, {@code eval} or accumulate. Such a rule's matches are the same
     * whatever other facts a session holds, so the member's own session can class it before its
     * other facts are inserted. Anything else keeps a classing session of its own.
     */
    static boolean onlyOnProfiles(KieBase classingKieBase) {
        for (KiePackage pkg : classingKieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                if (!(rule instanceof RuleImpl r) || (!r.isQuery() && !onProfilesAlone(r.getLhs()))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean onProfilesAlone(GroupElement lhs) {
        return lhs.isAnd() && !lhs.getChildren().isEmpty() && lhs.getChildren().stream()
                .allMatch(child -> child instanceof Pattern p && p.getSource() == null && p.getBehaviors().isEmpty()
                        && p.getObjectType() instanceof ClassObjectType type && type.getClassType() == RfmProfile.class);
    }

    /** A pattern of a type a profile is not: a lone profile can never match it. */
    private static boolean notAProfile(Pattern pattern) {
        return pattern.getObjectType() instanceof ClassObjectType type
                && !type.getClassType().isAssignableFrom(RfmProfile.class);
    }
}
