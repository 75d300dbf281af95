package org.memberflow.api.engine;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** The engine's Kafka Streams state in /actuator/health: up while running or rebalancing. */
@Component("engine")
class EngineHealthIndicator implements HealthIndicator {
    private final EngineLifecycle engine;

    EngineHealthIndicator(EngineLifecycle engine) {
        this.engine = engine;
    }

    @Override
    public Health health() {
        KafkaStreams.State state = engine.state();
        Health.Builder health = state.isRunningOrRebalancing() ? Health.up() : Health.down();
        health.withDetail("kafkaStreams", state.name());
        if (engine.waitingForRules()) {
            health.withDetail("waiting", "for a rule set that compiles on this server (see ruleSet)");
        }
        return health.build();
    }
}
