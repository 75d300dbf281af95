package org.memberflow.api.engine;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.memberflow.engine.ruleset.RuleSetActivator;
import org.springframework.stereotype.Component;

/**
 * {@code memberflow.rulesets.stale} is 1 while this instance runs an older rule set than the one
 * published (the newer one failed to compile here); {@code memberflow.rulesets.failures} counts
 * the published versions that failed.
 */
@Component
class RuleSetMetrics implements MeterBinder {
    private final RuleSetActivator activator;

    RuleSetMetrics(RuleSetActivator activator) {
        this.activator = activator;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("memberflow.rulesets.stale", activator, a -> a.status().stale() ? 1 : 0)
                .description("1 while the rule set published last is not the one running here").register(registry);
        FunctionCounter.builder("memberflow.rulesets.failures", activator, a -> a.status().failures())
                .description("published rule sets that failed to compile on this instance").register(registry);
    }
}
