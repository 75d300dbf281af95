package org.memberflow.api.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.memberflow.api.ruleset.RuleSetCatalog;
import org.memberflow.api.ruleset.TestRuleSets;
import org.memberflow.api.support.Http;
import org.memberflow.api.support.KafkaTestClient;
import org.memberflow.api.support.MemberFlowIntegrationTest;
import org.memberflow.engine.Topics;
import org.memberflow.engine.action.CampaignAction;
import org.memberflow.engine.ruleset.RuleSetActivator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The guardrails on the real stack, with a rule set whose test campaigns ({@code dt-*}) fire on
 * one event type each: the budget spent exactly under a burst and a replay, the control group and
 * the lift, the caps, quiet hours, and the campaigns API's answers to bad settings.
 */
@MemberFlowIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryAcceptanceTest {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuleSetCatalog catalog;
    @Autowired
    RuleSetActivator activator;
    Http http;
    DeliveryTopics topics;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    void activateTheTestCampaigns() throws Exception {
        http = new Http(port);
        topics = new DeliveryTopics(bootstrap);
        TestRuleSets.activateDeliveryTestCampaigns(catalog, activator);
    }

    @AfterAll
    void restoreTheBuiltInSet() throws Exception {
        TestRuleSets.restoreBuiltIns(catalog, activator);
    }

    @Test
    void shouldSpendABudgetOf100ExactlyUnderABurstOf10000AndAReplayOfIt() throws Exception {
        assertThat(http.putJson("/api/v1/campaigns/dt-burst", "{\"name\":\"Burst\",\"budget\":{\"count\":100}}")
                .statusCode()).isEqualTo(201);
        String prefix = "burst-" + run + "-";
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            for (int i = 0; i < 10_000; i++) {
                String member = prefix + i;
                kafka.sendAsync(Topics.MEMBER_EVENTS.name(), member, event(member, "BROWSE", ""), System.currentTimeMillis());
            }
            kafka.flush();
        }
        await().atMost(Duration.ofMinutes(4)).until(() -> rows("dt-burst", prefix) == 10_000);

        assertThat(outcomes("dt-burst", prefix)).isEqualTo(Map.of("DELIVERED", 100L, "SUPPRESSED_BUDGET", 9_900L));
        // campaign-actions commits after MySQL (the Kafka transaction of the batch): wait for it.
        await().atMost(WAIT).untilAsserted(() -> assertThat(topics.published("dt-burst", prefix)).hasSize(100)
                .doesNotHaveDuplicates());
        JsonNode campaign = JSON.readTree(http.get("/api/v1/campaigns/dt-burst").body());
        assertThat(campaign.get("spent").get("count").asLong()).isEqualTo(100);
        assertThat(campaign.get("spent").get("value").decimalValue()).isEqualByComparingTo("1000.00");

        // The engine replayed (every decision of the burst once more): nothing is spent or published again.
        List<ConsumerRecord<byte[], byte[]>> decisions = topics.decisions("dt-burst", prefix);
        assertThat(decisions).hasSize(10_000);
        topics.resend(decisions);
        List<ConsumerRecord<byte[], byte[]>> replayed = topics.decisions("dt-burst", prefix);
        assertThat(replayed).hasSize(20_000);
        await().atMost(WAIT).until(() -> topics.settledPast(replayed));
        // Each batch's commit moved its partition's watermark past it: read again, none would go out.
        await().atMost(WAIT).untilAsserted(() -> replayed.forEach(r -> assertThat(jdbc.queryForObject(
                "SELECT committed_below FROM delivery_watermark WHERE source_partition = ?", Long.class, r.partition()))
                .isGreaterThan(r.offset())));
        assertThat(rows("dt-burst", prefix)).isEqualTo(10_000);
        assertThat(outcomes("dt-burst", prefix)).isEqualTo(Map.of("DELIVERED", 100L, "SUPPRESSED_BUDGET", 9_900L));
        assertThat(topics.published("dt-burst", prefix)).hasSize(100);
        assertThat(JSON.readTree(http.get("/api/v1/campaigns/dt-burst").body()).get("spent").get("count").asLong())
                .isEqualTo(100);
    }

    @Test
    void shouldHoldOutAControlGroupAndReportTreatedAgainstControlWithTheLift() throws Exception {
        assertThat(http.putJson("/api/v1/campaigns/dt-lift",
                "{\"name\":\"Lift\",\"holdoutPercent\":50,\"conversionDays\":7}").statusCode()).isEqualTo(201);
        String prefix = "lift-" + run + "-";
        int members = 400;
        List<String> events = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            events.add(event(prefix + i, "COUPON_REDEEMED", ",\"couponId\":\"c-" + i + "\""));
        }
        postInBatches(events);
        await().atMost(WAIT).until(() -> rows("dt-lift", prefix) == members);

        Map<String, String> outcomeOf = new HashMap<>();
        jdbc.query("SELECT member_id, outcome FROM campaign_action WHERE campaign_id = 'dt-lift' AND member_id LIKE ?",
                rs -> {
                    outcomeOf.put(rs.getString(1), rs.getString(2));
                }, prefix + "%");
        long treated = outcomeOf.values().stream().filter("DELIVERED"::equals).count();
        long control = outcomeOf.values().stream().filter("CONTROL"::equals).count();
        assertThat(treated + control).isEqualTo(members);
        assertThat(control).isBetween(140L, 260L);
        // the control group is not contacted
        await().atMost(WAIT).untilAsserted(() -> assertThat(topics.published("dt-lift", prefix)).hasSize((int) treated));

        // Half the treated members buy afterwards, a fifth of the control members.
        List<String> purchases = new ArrayList<>();
        long treatedBuyers = 0;
        long controlBuyers = 0;
        for (int i = 0; i < members; i++) {
            boolean isTreated = "DELIVERED".equals(outcomeOf.get(prefix + i));
            if (isTreated ? i % 2 == 0 : i % 5 == 0) {
                purchases.add(event(prefix + i, "PURCHASE", ",\"orderId\":\"o-" + i + "\",\"amount\":88.00"));
                treatedBuyers += isTreated ? 1 : 0;
                controlBuyers += isTreated ? 0 : 1;
            }
        }
        postInBatches(purchases);
        await().atMost(WAIT).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM purchase WHERE member_id LIKE ?",
                Integer.class, prefix + "%") == purchases.size());

        JsonNode results = JSON.readTree(http.get("/api/v1/campaigns/dt-lift/results").body());
        assertThat(results.get("decided").asLong()).isEqualTo(members);
        assertThat(results.get("delivered").asLong()).isEqualTo(treated);
        assertThat(results.get("control").asLong()).isEqualTo(control);
        JsonNode conversion = results.get("conversion");
        assertThat(conversion.get("days").asInt()).isEqualTo(7);
        assertThat(conversion.get("treated").get("actions").asLong()).isEqualTo(treated);
        assertThat(conversion.get("treated").get("converted").asLong()).isEqualTo(treatedBuyers);
        assertThat(conversion.get("control").get("actions").asLong()).isEqualTo(control);
        assertThat(conversion.get("control").get("converted").asLong()).isEqualTo(controlBuyers);
        double difference = (double) treatedBuyers / treated - (double) controlBuyers / control;
        JsonNode lift = conversion.get("lift");
        assertThat(lift.get("difference").asDouble()).isCloseTo(difference, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(lift.get("low").asDouble()).isLessThan(difference).isGreaterThan(0.0); // 50% against 20%: a real lift
        assertThat(lift.get("high").asDouble()).isGreaterThan(difference);
    }

    @Test
    void shouldCapACampaignPerMemberAndEveryMemberPerDay() throws Exception {
        assertThat(http.putJson("/api/v1/campaigns/dt-cap",
                "{\"name\":\"Cap\",\"cap\":{\"count\":1,\"periodDays\":30}}").statusCode()).isEqualTo(201);
        String capped = "cap-" + run;
        postInBatches(List.of(event(capped, "CHECK_IN", ""), event(capped, "CHECK_IN", ""), event(capped, "CHECK_IN", "")));
        await().atMost(WAIT).until(() -> rows("dt-cap", capped) == 3);
        assertThat(outcomes("dt-cap", capped)).isEqualTo(Map.of("DELIVERED", 1L, "SUPPRESSED_CAP", 2L));

        // dt-daily has no campaign row: only the member's daily cap (5 contacts a day) applies.
        String busy = "daily-" + run;
        List<String> updates = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            updates.add(event(busy, "PROFILE_UPDATED", ",\"profile\":{\"tier\":\"t" + i + "\"}"));
        }
        postInBatches(updates);
        await().atMost(WAIT).until(() -> rows("dt-daily", busy) == 7);
        Map<String, Long> perDay = new HashMap<>();
        jdbc.query("SELECT decided_at FROM campaign_action WHERE campaign_id = 'dt-daily' AND member_id = ?"
                + " AND outcome = 'DELIVERED'", rs -> {
                    perDay.merge(rs.getTimestamp(1).toInstant().atZone(SHANGHAI).toLocalDate().toString(), 1L, Long::sum);
                }, busy);
        // Seven on one local day: five delivered, two capped (five a day on each side of a midnight).
        long delivered = perDay.values().stream().mapToLong(Long::longValue).sum();
        assertThat(perDay.values()).allMatch(n -> n <= 5);
        assertThat(delivered).isGreaterThanOrEqualTo(5);
        assertThat(outcomes("dt-daily", busy).getOrDefault("SUPPRESSED_DAILY_CAP", 0L)).isEqualTo(7 - delivered);
    }

    @Test
    void shouldHoldOrDropMessagesDecidedInQuietHoursInTheMembersZone() throws Exception {
        ZonedDateTime now = Instant.now().atZone(SHANGHAI);
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        String start = now.minusHours(1).format(hhmm);
        ZonedDateTime end = now.plusHours(1).truncatedTo(ChronoUnit.MINUTES);
        assertThat(http.putJson("/api/v1/campaigns/dt-quiet", "{\"name\":\"Quiet\",\"quietHours\":{\"start\":\"" + start
                + "\",\"end\":\"" + end.format(hhmm) + "\"}}").statusCode()).isEqualTo(201);
        String member = "quiet-" + run;
        postInBatches(List.of(event(member, "POINTS_REDEEMED", ",\"points\":10")));
        await().atMost(WAIT).until(() -> rows("dt-quiet", member) == 1);

        assertThat(outcomes("dt-quiet", member)).isEqualTo(Map.of("DELIVERED", 1L));
        await().atMost(WAIT).untilAsserted(() -> assertThat(topics.published("dt-quiet", member)).hasSize(1));
        List<CampaignAction> held = topics.published("dt-quiet", member);
        assertThat(held.get(0).notBefore()).isEqualTo(end.toInstant());

        assertThat(http.putJson("/api/v1/campaigns/dt-quiet", "{\"name\":\"Quiet\",\"quietHours\":{\"start\":\"" + start
                + "\",\"end\":\"" + end.format(hhmm) + "\",\"policy\":\"SUPPRESS\"}}").statusCode()).isEqualTo(200);
        postInBatches(List.of(event(member, "POINTS_REDEEMED", ",\"points\":10")));
        await().atMost(WAIT).until(() -> rows("dt-quiet", member) == 2);
        assertThat(outcomes("dt-quiet", member)).isEqualTo(Map.of("DELIVERED", 1L, "SUPPRESSED_QUIET_HOURS", 1L));
        JsonNode results = JSON.readTree(http.get("/api/v1/campaigns/dt-quiet/results").body());
        assertThat(results.get("deferredByQuietHours").asLong()).isEqualTo(1);
        assertThat(results.get("suppressed").get("quietHours").asLong()).isEqualTo(1);
    }

    @Test
    void shouldAnswerBadCampaignSettingsWithProblemsNamingEachField() throws Exception {
        var bad = http.putJson("/api/v1/campaigns/dt-bad", """
                {"name":"","budget":{"count":-1,"value":1.234},"cap":{"count":0},"holdoutPercent":101,
                 "quietHours":{"start":"22:00","end":"22:00"},"conversionDays":0}""");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(bad.body()).contains("\"pointer\":\"/name\"", "\"pointer\":\"/budget/count\"",
                "\"pointer\":\"/budget/value\"", "\"pointer\":\"/cap/count\"", "\"pointer\":\"/cap/periodDays\"",
                "\"pointer\":\"/holdoutPercent\"", "\"pointer\":\"/quietHours/end\"", "\"pointer\":\"/conversionDays\"");

        var wrongType = http.putJson("/api/v1/campaigns/dt-bad", "{\"name\":\"x\",\"quietHours\":{\"start\":\"late\"}}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).contains("\"pointer\":\"/quietHours/start\"");
        var badStatus = http.putJson("/api/v1/campaigns/dt-bad", "{\"name\":\"x\",\"status\":\"ON\"}");
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(badStatus.body()).contains("\"pointer\":\"/status\"");
        var misspelt = http.putJson("/api/v1/campaigns/dt-bad", "{\"name\":\"x\",\"budgets\":{\"count\":1}}");
        assertThat(misspelt.statusCode()).isEqualTo(400);
        assertThat(misspelt.body()).contains("\"pointer\":\"/budgets\"");
        assertThat(http.get("/api/v1/campaigns?page=two").body()).contains("\"pointer\":\"page\"", "whole number");

        assertThat(http.get("/api/v1/campaigns/dt-missing").statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/campaigns?size=0").body()).contains("\"pointer\":\"size\"");
        assertThat(http.get("/api/v1/campaigns/dt-lift/results?conversionDays=0").body())
                .contains("\"pointer\":\"conversionDays\"");
    }

    private static String event(String member, String type, String fields) {
        return "{\"eventId\":\"e-" + UUID.randomUUID() + "\",\"memberId\":\"" + member + "\",\"type\":\"" + type
                + "\",\"occurredAt\":\"" + Instant.now() + "\"" + fields + "}";
    }

    private void postInBatches(List<String> events) throws Exception {
        for (int from = 0; from < events.size(); from += 100) {
            String batch = "[" + String.join(",", events.subList(from, Math.min(events.size(), from + 100))) + "]";
            assertThat(http.postJson("/api/v1/events", batch).statusCode()).isEqualTo(202);
        }
    }

    private int rows(String campaign, String memberPrefix) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM campaign_action WHERE campaign_id = ? AND member_id LIKE ?",
                Integer.class, campaign, memberPrefix + "%");
    }

    private Map<String, Long> outcomes(String campaign, String memberPrefix) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT outcome, COUNT(*) FROM campaign_action WHERE campaign_id = ? AND member_id LIKE ? GROUP BY outcome",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, campaign, memberPrefix + "%");
        return counts;
    }
}
