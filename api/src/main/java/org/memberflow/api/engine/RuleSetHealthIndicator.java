package org.memberflow.api.engine;

import org.memberflow.engine.ruleset.RuleSetActivator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The rule set this instance runs, in /actuator/health. Up even when the version published last
 * failed to compile here: the instance still decides, with the version before, and the details
 * say which and why, so that an operator sees it without the instance being taken out of service.
 */
@Component("ruleSet")
class RuleSetHealthIndicator implements HealthIndicator {
    private final RuleSetActivator activator;

    RuleSetHealthIndicator(RuleSetActivator activator) {
        this.activator = activator;
    }

    @Override
    public Health health() {
        RuleSetActivator.Status status = activator.status();
        Health.Builder health = Health.up().withDetail("active", status.active())
                .withDetail("published", status.published()).withDetail("stale", status.stale());
        if (status.stale()) {
            health.withDetail("errors", status.errors());
        }
        return health.build();
    }
}
