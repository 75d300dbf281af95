package org.memberflow.api.engine;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsConfig;
import org.memberflow.engine.Engine;
import org.memberflow.engine.EngineSettings;
import org.memberflow.engine.EngineTopics;
import org.memberflow.engine.ruleset.RuleSetActivator;
import org.memberflow.engine.ruleset.RuleSetFeed;
import org.memberflow.rules.session.ActiveRules;
import org.memberflow.rules.session.BuiltInRuleSet;
import org.memberflow.rules.session.RuleFile;
import org.memberflow.rules.session.RuleRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** Wires the engine (a library without Spring) into the server, with its topics. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EngineProperties.class)
class EngineConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The engine's topics, made when missing; an existing member-events must have the configured partitions. */
    @Bean
    KafkaAdmin.NewTopics engineTopics(EngineProperties props, KafkaAdmin kafkaAdmin) {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            PartitionCheck.require(admin, props.partitions());
        }
        return new KafkaAdmin.NewTopics(EngineTopics.all(props.partitions(), (short) props.replicationFactor())
                .toArray(NewTopic[]::new));
    }

    /** The rule set the engine runs; swapped whole, between events, when another is activated. */
    @Bean
    ActiveRules activeRules(EngineProperties props) {
        return new ActiveRules(new RuleRunner(BuiltInRuleSet.compile(), props.maxRuleFirings()));
    }

    /** Compiles each rule set published on rule-sets and swaps it in; says when one fails. */
    @Bean
    RuleSetActivator ruleSetActivator(ActiveRules rules, EngineProperties props, Clock clock) {
        return new RuleSetActivator(rules, RuleFile.checksum(BuiltInRuleSet.files()), props.maxRuleFirings(), clock);
    }

    /** The engine; started and stopped by {@link EngineLifecycle}, not by the context. */
    @Bean(destroyMethod = "")
    Engine memberFlowEngine(EngineProperties props, ActiveRules rules, Clock clock, MeterRegistry meters,
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${memberflow.data-dir}") Path dataDir) {
        EngineSettings settings = new EngineSettings(bootstrapServers, props.applicationId(),
                dataDir.toAbsolutePath().resolve("streams"), props.replicationFactor(), props.streamThreads(),
                props.commitInterval(), Map.of(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG,
                        Integer.toString(props.standbyReplicas())));
        return new Engine(settings, rules, props.options(), clock, meters);
    }

    @Bean
    EngineLifecycle engineLifecycle(Engine engine, RuleSetActivator activator,
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        return new EngineLifecycle(new RuleSetFeed(bootstrapServers, activator), activator, engine);
    }
}
