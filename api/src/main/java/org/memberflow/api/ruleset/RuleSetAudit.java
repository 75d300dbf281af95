package org.memberflow.api.ruleset;

import java.time.Instant;

/** One change to the catalogue: who did what to which version, when. */
public record RuleSetAudit(long id, int version, String action, String actor, String detail, Instant at) {
    static final String UPLOADED = "UPLOADED";
    static final String ACTIVATED = "ACTIVATED";
    static final String RETIRED = "RETIRED";
    static final String SEEDED = "SEEDED";
}
