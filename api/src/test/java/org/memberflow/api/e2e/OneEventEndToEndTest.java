package org.memberflow.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.memberflow.api.support.KafkaTestClient;
import org.memberflow.api.support.Http;
import org.memberflow.api.support.MemberFlowIntegrationTest;
import org.memberflow.engine.Topics;
import org.memberflow.engine.action.ActionIds;
import org.memberflow.engine.topology.DeadLetterHeaders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The foundation's promise: one event travels the whole path, once, and bad input harms nothing. */
@MemberFlowIntegrationTest
class OneEventEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldTurnARegisteredEventIntoOneWelcomeActionEvenWhenPostedTwice() throws Exception {
        String member = "m-" + UUID.randomUUID();
        String event = registered("e-" + UUID.randomUUID(), member);
        String actionId = ActionIds.of("welcome", member, "once");

        HttpResponse<String> posted = post(event);
        assertThat(posted.statusCode()).isEqualTo(202);
        assertThat(posted.body()).contains("\"accepted\"");

        await().atMost(WAIT).until(() -> actionRows(member) == 1);
        String actions = get("/api/v1/members/" + member + "/actions").body();
        assertThat(actions).contains(actionId).contains("\"campaignId\":\"welcome\"").contains("ISSUE_COUPON");

        // The same event again: the engine drops it by its event id. A check-in after it, in the
        // same partition, shows when the engine is past it: the member has seen 2 events, not 3.
        assertThat(post(event).statusCode()).isEqualTo(202);
        assertThat(post("{\"eventId\":\"c-" + UUID.randomUUID() + "\",\"memberId\":\"" + member
                + "\",\"type\":\"CHECK_IN\",\"occurredAt\":\"2026-05-20T09:00:00Z\"}").statusCode()).isEqualTo(202);
        await().atMost(WAIT).until(() -> latestSnapshotOf(member).contains("\"eventCount\":2"));
        assertThat(actionRecords(actionId)).hasSize(1);

        // A replayed decision (a replay of the engine, a redelivery) adds no second row, spends
        // nothing again, and is not published again on campaign-actions.
        ConsumerRecord<byte[], byte[]> original = records(Topics.CAMPAIGN_DECISIONS.name(), actionId).get(0);
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            kafka.send(Topics.CAMPAIGN_DECISIONS.name(), null, member, original.value(), null);
        }
        await().atMost(WAIT).until(() -> records(Topics.CAMPAIGN_DECISIONS.name(), actionId).size() == 2);
        ConsumerRecord<byte[], byte[]> repeat = records(Topics.CAMPAIGN_DECISIONS.name(), actionId).get(1);
        await().atMost(WAIT).until(() -> deliveryCommittedPast(repeat));
        assertThat(actionRows(member)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT outcome FROM campaign_action WHERE action_id = ?", String.class, actionId))
                .isEqualTo("DELIVERED");
        assertThat(actionRecords(actionId)).hasSize(1);
    }

    @Test
    void shouldSendAMalformedRecordToTheDeadLetterTopicAndKeepProcessing() throws Exception {
        String marker = "bad-" + UUID.randomUUID();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            kafka.send(Topics.MEMBER_EVENTS.name(), null, "m-bad",
                    ("{\"eventId\":\"" + marker + "\", oops").getBytes(StandardCharsets.UTF_8), null);
        }

        await().atMost(WAIT).until(() -> deadLetterWith(marker) != null);
        ConsumerRecord<byte[], byte[]> dead = deadLetterWith(marker);
        assertThat(header(dead, DeadLetterHeaders.REASON)).startsWith("not valid JSON");
        assertThat(header(dead, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("member-events");
        assertThat(header(dead, DeadLetterHeaders.SOURCE_OFFSET)).matches("\\d+");

        String member = "m-" + UUID.randomUUID();
        assertThat(post(registered("e-" + UUID.randomUUID(), member)).statusCode()).isEqualTo(202);
        await().atMost(WAIT).until(() -> actionRows(member) == 1);
    }

    @Test
    void shouldAnswerAMalformedPostWithAProblemNamingTheField() throws Exception {
        HttpResponse<String> single = post("""
                {"eventId":"e1","memberId":"m1","type":"PURCHASE","occurredAt":"2026-05-20T08:00:00Z",
                 "orderId":"o1","amount":12.345}""");
        assertThat(single.statusCode()).isEqualTo(400);
        assertThat(single.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(single.body()).contains("\"pointer\":\"/amount\"").contains("\"status\":400");

        HttpResponse<String> batch = post("[" + registered("e2", "m2") + ",{\"eventId\":\"e3\"}]");
        assertThat(batch.statusCode()).isEqualTo(400);
        assertThat(batch.body()).contains("\"pointer\":\"/1/memberId\"");

        HttpResponse<String> notJson = post("{nope");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("not valid JSON");

        HttpResponse<String> badLimit = get("/api/v1/members/m1/actions?limit=0");
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(badLimit.body()).contains("\"pointer\":\"limit\"");
    }

    @Test
    void shouldAcceptABatchAndAnswerWithItsIds() throws Exception {
        String a = "e-" + UUID.randomUUID();
        String b = "e-" + UUID.randomUUID();
        HttpResponse<String> response = post("[" + registered(a, "m-" + UUID.randomUUID()) + ","
                + registered(b, "m-" + UUID.randomUUID()) + "]");
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"accepted\":[\"" + a + "\",\"" + b + "\"]}");
    }

    @Test
    void shouldReportEngineDatabaseAndRedisInHealth() throws Exception {
        await().atMost(WAIT).untilAsserted(() -> {
            String health = get("/actuator/health").body();
            assertThat(health).contains("\"engine\":{\"details\":{\"kafkaStreams\":\"RUNNING\"},\"status\":\"UP\"}");
            assertThat(health).contains("\"db\":").contains("\"redis\":").startsWith("{").endsWith("\"status\":\"UP\"}");
        });
        // Without a key: up or down, and nothing about what is inside.
        assertThat(new Http(port, null).get("/actuator/health").body()).contains("\"status\":\"UP\"")
                .doesNotContain("components").doesNotContain("details");
    }

    @Test
    void shouldExposeOnlyHealthInfoAndPrometheusWithTheDeliveryCounts() throws Exception {
        String member = "m-" + UUID.randomUUID();
        assertThat(post(registered("e-" + UUID.randomUUID(), member)).statusCode()).isEqualTo(202);
        await().atMost(WAIT).until(() -> actionRows(member) == 1);

        await().atMost(WAIT).untilAsserted(() -> assertThat(get("/actuator/prometheus").body())
                .contains("memberflow_delivery_actions_total{campaign=\"welcome\",outcome=\"DELIVERED\"}"));
        for (String hidden : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump")) {
            assertThat(get(hidden).statusCode()).as(hidden).isEqualTo(404);
        }
        assertThat(get("/actuator/info").statusCode()).isEqualTo(200);
    }

    private static String registered(String eventId, String memberId) {
        return "{\"eventId\":\"" + eventId + "\",\"memberId\":\"" + memberId
                + "\",\"type\":\"REGISTERED\",\"occurredAt\":\"2026-05-20T08:00:00Z\"}";
    }

    private HttpResponse<String> post(String json) throws Exception {
        return new Http(port).postJson("/api/v1/events", json);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return new Http(port).get(path);
    }

    private int actionRows(String member) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM campaign_action WHERE member_id = ?", Integer.class, member);
    }

    private List<ConsumerRecord<byte[], byte[]>> actionRecords(String actionId) {
        return records(Topics.CAMPAIGN_ACTIONS.name(), actionId);
    }

    private List<ConsumerRecord<byte[], byte[]>> records(String topic, String actionId) {
        return readAll(topic).stream().filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(actionId)).toList();
    }

    private String latestSnapshotOf(String member) {
        String latest = "";
        for (ConsumerRecord<byte[], byte[]> r : readAll(Topics.MEMBER_SNAPSHOTS.name())) {
            if (member.equals(KafkaTestClient.text(r.key()))) {
                latest = KafkaTestClient.text(r.value());
            }
        }
        return latest;
    }

    private ConsumerRecord<byte[], byte[]> deadLetterWith(String marker) {
        return readAll(Topics.MEMBER_EVENTS_DLQ.name()).stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker)).findFirst().orElse(null);
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            return kafka.readAll(topic);
        }
    }

    /** True once the delivery stage has committed (so settled) the given record of campaign-decisions. */
    private boolean deliveryCommittedPast(ConsumerRecord<byte[], byte[]> record) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets("memberflow-delivery")
                    .partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(record.topic(), record.partition()));
            return committed != null && committed.offset() > record.offset();
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
