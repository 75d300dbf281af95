package org.memberflow.api.engine;

import java.time.Duration;
import org.memberflow.engine.clock.ClockMode;
import org.memberflow.engine.topology.EngineOptions;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code memberflow.engine.*} in application.yml.
 *
 * @param partitions partitions of the topics keyed by member, when this server creates them
 * @param standbyReplicas warm copies of each task's state kept on other instances
 * @param streamThreads stream threads of this instance (at most the partitions of member-events)
 * @param clockMode {@code wall} in production; {@code event} to replay history as if it were live
 * @param sweepInterval how often a running sweep gets a slice of each stream task
 * @param sweepChunk members per slice at most
 * @param sweepBudget how long a slice may take at most: what events wait at worst during a sweep
 */
@ConfigurationProperties("memberflow.engine")
public record EngineProperties(String applicationId, int partitions, int replicationFactor, int standbyReplicas,
        int streamThreads,
        Duration commitInterval,
        int maxRuleFirings, ClockMode clockMode, int windowDays, Duration sweepInterval, int sweepChunk,
        Duration sweepBudget) {

    public EngineOptions options() {
        return new EngineOptions(clockMode, windowDays, sweepInterval, sweepChunk, sweepBudget,
                EngineOptions.defaults().defaultBreakpoints());
    }
}
