package org.memberflow.rules.session;

import org.kie.api.KieBase;

/** A rule set that compiled: its KieBase, shared read-only by every session built from it. */
public record CompiledRuleSet(String name, String version, KieBase kieBase) {
}
