package org.memberflow.api.security;

/**
 * What an API key may do. MARKETER includes VIEWER, and ADMIN includes every other role
 * ({@link SecurityConfiguration#roleHierarchy}); INGEST only posts events.
 */
public enum Role {
    /** Posts events: for the backend systems that emit them. */
    INGEST,
    /** Reads members, segments, campaigns, rule sets, jobs and results. */
    VIEWER,
    /** A viewer who also writes rule sets, campaigns and webhooks. */
    MARKETER,
    /** Everything, and API keys and jobs. */
    ADMIN;

    /** The Spring Security authority of the role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
