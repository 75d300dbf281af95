package org.memberflow.api.ruleset;

/** Where a version stands: uploaded, running (exactly one), or run before and replaced. */
public enum RuleSetStatus {
    DRAFT, ACTIVE, RETIRED
}
