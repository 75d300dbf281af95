package org.memberflow.api.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.memberflow.engine.Engine;
import org.memberflow.engine.EngineSettings;
import org.memberflow.engine.Topics;
import org.memberflow.rules.session.BuiltInRuleSet;
import org.memberflow.rules.session.RuleRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Wires the engine (a library without Spring) into the server, with its topics. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EngineProperties.class)
class EngineConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    KafkaAdmin.NewTopics engineTopics(EngineProperties props) {
        // Everything keyed by memberId has the same partitions: engine-clock ticks must land in the
        // task that owns the members they wake.
        return new KafkaAdmin.NewTopics(
                topic(Topics.MEMBER_EVENTS.name(), props).build(),
                topic(Topics.ENGINE_CLOCK.name(), props).build(),
                topic(Topics.MEMBER_EVENTS_DLQ.name(), props).build(),
                topic(Topics.CAMPAIGN_ACTIONS.name(), props).build(),
                topic(Topics.MEMBER_SEGMENTS.name(), props).compact().build(),
                topic(Topics.MEMBER_SNAPSHOTS.name(), props).compact().build(),
                TopicBuilder.name(Topics.RFM_BREAKPOINTS.name()).partitions(1).replicas(props.replicationFactor())
                        .compact().build());
    }

    private static TopicBuilder topic(String name, EngineProperties props) {
        return TopicBuilder.name(name).partitions(props.partitions()).replicas(props.replicationFactor());
    }

    @Bean
    RuleRunner ruleRunner(EngineProperties props) {
        return new RuleRunner(BuiltInRuleSet.compile(), props.maxRuleFirings());
    }

    @Bean
    EngineLifecycle engineLifecycle(EngineProperties props, RuleRunner rules, Clock clock,
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${memberflow.data-dir}") Path dataDir) {
        EngineSettings settings = new EngineSettings(bootstrapServers, props.applicationId(),
                dataDir.toAbsolutePath().resolve("streams"), props.replicationFactor(), props.commitInterval(), Map.of());
        return new EngineLifecycle(new Engine(settings, rules, props.options(), clock));
    }
}
