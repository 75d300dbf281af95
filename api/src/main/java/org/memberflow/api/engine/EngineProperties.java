package org.memberflow.api.engine;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code memberflow.engine.*} in application.yml. */
@ConfigurationProperties("memberflow.engine")
record EngineProperties(String applicationId, int partitions, int replicationFactor, Duration commitInterval,
        int maxRuleFirings) {
}
