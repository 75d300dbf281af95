package org.memberflow.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberflow.engine.Topics;
import org.memberflow.engine.action.ActionIds;
import org.memberflow.engine.action.CampaignAction;
import org.memberflow.rules.decision.ActionType;
import org.memberflow.rules.session.BuiltInRuleSet;
import org.memberflow.rules.session.RuleRunner;

class EngineTopologyTest {
    private static final Instant NOW = Instant.parse("2026-05-20T08:30:00Z");
    private static RuleRunner rules;

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> events;
    private TestOutputTopic<String, CampaignAction> actions;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeAll
    static void compileRules() {
        rules = new RuleRunner(BuiltInRuleSet.compile(), 100);
    }

    @BeforeEach
    void startDriver() {
        StreamsBuilder builder = EngineTopology.build(new StreamsBuilder(), rules, Clock.fixed(NOW, ZoneOffset.UTC));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "engine-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), props);
        events = driver.createInputTopic(Topics.MEMBER_EVENTS.name(), Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer());
        actions = driver.createOutputTopic(Topics.CAMPAIGN_ACTIONS.name(), Topics.CAMPAIGN_ACTIONS.keySerde().deserializer(),
                Topics.CAMPAIGN_ACTIONS.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(Topics.MEMBER_EVENTS_DLQ.name(), Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private void send(String key, String json) {
        events.pipeInput(key == null ? null : key.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8));
    }

    private static String registered(String eventId, String memberId) {
        return "{\"eventId\":\"" + eventId + "\",\"memberId\":\"" + memberId
                + "\",\"type\":\"REGISTERED\",\"occurredAt\":\"2026-05-20T08:00:00Z\"}";
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldIssueAWelcomeCouponWithAStableIdWhenAMemberRegisters() {
        send("m1", registered("e1", "m1"));

        List<TestRecord<String, CampaignAction>> out = actions.readRecordsToList();
        assertThat(out).hasSize(1);
        CampaignAction action = out.get(0).value();
        assertThat(out.get(0).key()).isEqualTo("m1");
        assertThat(action.actionId()).isEqualTo(ActionIds.of("welcome", "m1", "once"));
        assertThat(action.type()).isEqualTo(ActionType.ISSUE_COUPON);
        assertThat(action.causeEventId()).isEqualTo("e1");
        assertThat(action.rule()).isEqualTo("welcome coupon");
        assertThat(action.ruleSetVersion()).isEqualTo("built-in:1");
        assertThat(action.decidedAt()).isEqualTo(NOW);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldSendAMalformedRecordToTheDeadLetterTopicWithReasonAndSourceAndKeepGoing() {
        send("m1", "{not json");
        send("m2", registered("e2", "m2"));

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(header(dead.headers(), DeadLetterHeaders.REASON)).startsWith("not valid JSON");
        assertThat(header(dead.headers(), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("member-events");
        assertThat(header(dead.headers(), DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(header(dead.headers(), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(header(dead.headers(), DeadLetterHeaders.EXCEPTION)).endsWith("InvalidEventException");
        assertThat(actions.readValuesToList()).extracting(CampaignAction::memberId).containsExactly("m2");
    }

    @Test
    void shouldDeadLetterEveryKindOfBadRecord() {
        send(null, registered("e1", "m1"));
        send("m9", registered("e2", "m1"));
        send("m1", "{\"eventId\":\"e3\",\"memberId\":\"m1\",\"type\":\"TELEPORT\",\"occurredAt\":\"2026-05-20T08:00:00Z\"}");
        events.pipeInput("m1".getBytes(StandardCharsets.UTF_8), new byte[1024 * 1024]);
        events.pipeInput("m1".getBytes(StandardCharsets.UTF_8), new byte[] {'{', (byte) 0xFF, '}'});

        assertThat(deadLetters.readRecordsToList())
                .extracting(r -> header(r.headers(), DeadLetterHeaders.REASON))
                .satisfiesExactly(
                        r -> assertThat(r).contains("no key"),
                        r -> assertThat(r).contains("does not match the record key"),
                        r -> assertThat(r).contains("unknown event type 'TELEPORT'"),
                        r -> assertThat(r).contains("1048576 bytes"),
                        r -> assertThat(r).contains("UTF-8"));
        assertThat(actions.isEmpty()).isTrue();
    }

    @Test
    void shouldDecideTheSameActionIdForARepeatedEvent() {
        send("m1", registered("e1", "m1"));
        send("m1", registered("e1", "m1"));

        assertThat(actions.readValuesToList()).extracting(CampaignAction::actionId).containsOnly(
                ActionIds.of("welcome", "m1", "once"));
    }
}
