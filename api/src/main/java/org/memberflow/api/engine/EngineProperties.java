package org.memberflow.api.engine;

import java.time.Duration;
import org.memberflow.engine.clock.ClockMode;
import org.memberflow.engine.topology.EngineOptions;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code memberflow.engine.*} in application.yml.
 *
 * @param streamThreads stream threads of this instance (at most the partitions of member-events)
 * @param clockMode {@code wall} in production; {@code event} to replay history as if it were live
 */
@ConfigurationProperties("memberflow.engine")
record EngineProperties(String applicationId, int partitions, int replicationFactor, int streamThreads,
        Duration commitInterval,
        int maxRuleFirings, ClockMode clockMode, int windowDays, int sweepChunk) {

    EngineOptions options() {
        EngineOptions d = EngineOptions.defaults();
        return new EngineOptions(clockMode, windowDays, d.sweepInterval(), sweepChunk,
                d.sweepBudget(), d.defaultBreakpoints());
    }
}
