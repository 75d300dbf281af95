package org.memberflow.bench.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.memberflow.bench.generate.HistoryGenerator;
import org.memberflow.engine.Topics;
import org.memberflow.engine.action.CampaignAction;
import org.memberflow.engine.clock.ClockMode;
import org.memberflow.engine.topology.EngineOptions;
import org.memberflow.engine.topology.EngineTopology;
import org.memberflow.rules.session.BuiltInRuleSet;
import org.memberflow.rules.session.RuleRunner;
import org.springframework.util.FileSystemUtils;

/**
 * What the engine must decide over a history, computed offline: the engine's own topology in a
 * {@link TopologyTestDriver}, with the built-in rules, the event clock (today is each event's time,
 * so the answer does not depend on when it runs) and the RFM breakpoints the cluster has. One
 * process, no crash, no Kafka: whatever a cluster under faults decides must be exactly this.
 */
public final class DecisionOracle {
    /** The server's default {@code memberflow.engine.max-rule-firings}. */
    private static final int MAX_RULE_FIRINGS = 100;
    /** Outputs are drained this often: the driver keeps every record of every output until read. */
    private static final int DRAIN_EVERY = 5_000;

    private DecisionOracle() {
    }

    /**
     * The decisions over {@code history}, by action id (how many times each was decided, which is
     * once when the engine keeps its once-per-period promise).
     *
     * @param breakpoints the rfm-breakpoints records (key = brand, value = the record's bytes) the
     *                    cluster's engine holds while it processes the history
     */
    public static Map<String, Integer> decide(HistoryGenerator history, Map<String, byte[]> breakpoints) {
        StreamsBuilder builder = EngineTopology.build(new StreamsBuilder(), new RuleRunner(BuiltInRuleSet.compile(),
                MAX_RULE_FIRINGS), EngineOptions.defaults().withClockMode(ClockMode.EVENT)
                        .withStoreKind(EngineOptions.StoreKind.IN_MEMORY),
                Clock.fixed(HistoryGenerator.START, ZoneOffset.UTC));
        Path stateDir = tempDir();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "chaos-oracle");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        Map<String, Integer> decided = new HashMap<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props, HistoryGenerator.START)) {
            TestInputTopic<byte[], byte[]> bp = driver.createInputTopic(Topics.RFM_BREAKPOINTS.name(),
                    Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
            breakpoints.forEach((brand, value) -> bp.pipeInput(brand.getBytes(StandardCharsets.UTF_8), value, 0L));
            TestInputTopic<byte[], byte[]> events = driver.createInputTopic(Topics.MEMBER_EVENTS.name(),
                    Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
            TestOutputTopic<String, CampaignAction> decisions = driver.createOutputTopic(Topics.CAMPAIGN_DECISIONS.name(),
                    Serdes.String().deserializer(), Topics.CAMPAIGN_DECISIONS.valueSerde().deserializer());
            Map<String, TestOutputTopic<byte[], byte[]>> others = new HashMap<>();
            long[] n = {0};
            history.generate(e -> {
                events.pipeInput(e.memberId().getBytes(StandardCharsets.UTF_8), e.json().getBytes(StandardCharsets.UTF_8),
                        e.timestampMillis());
                if (++n[0] % DRAIN_EVERY == 0) {
                    drain(driver, decisions, others, decided);
                }
            });
            drain(driver, decisions, others, decided);
        } finally {
            try {
                FileSystemUtils.deleteRecursively(stateDir);
            } catch (IOException e) {
                // a leftover temporary directory is harmless
            }
        }
        return decided;
    }

    /** Counts the decisions so far, and drops every other output the driver has kept. */
    private static void drain(TopologyTestDriver driver, TestOutputTopic<String, CampaignAction> decisions,
            Map<String, TestOutputTopic<byte[], byte[]>> others, Map<String, Integer> decided) {
        for (CampaignAction a : decisions.readValuesToList()) {
            decided.merge(a.actionId(), 1, Integer::sum);
        }
        for (String topic : driver.producedTopicNames()) {
            if (!topic.equals(Topics.CAMPAIGN_DECISIONS.name())) {
                others.computeIfAbsent(topic, t -> driver.createOutputTopic(t, Serdes.ByteArray().deserializer(),
                        Serdes.ByteArray().deserializer())).readRecordsToList();
            }
        }
    }

    /** The driver's state directory; the stores themselves are in memory, so little is written here. */
    private static Path tempDir() {
        try {
            return Files.createTempDirectory("memberflow-oracle-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
