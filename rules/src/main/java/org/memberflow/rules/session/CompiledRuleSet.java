package org.memberflow.rules.session;

import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/**
 * A rule set that compiled: its KieBase, shared read-only by every session built from it, and the
 * same set less the rules a lone profile cannot fire, for classing members ({@link ClassingRules}).
 */
public record CompiledRuleSet(String name, String version, KieBase kieBase, KieBase classingKieBase) {

    /** The names of its rules, sorted. */
    public List<String> ruleNames() {
        return kieBase.getKiePackages().stream().flatMap(p -> p.getRules().stream()).map(Rule::getName).sorted()
                .toList();
    }
}
