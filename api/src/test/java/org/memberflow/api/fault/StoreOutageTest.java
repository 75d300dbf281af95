package org.memberflow.api.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.memberflow.api.localstack.LocalStack;
import org.memberflow.api.localstack.LocalStack.Server;
import org.memberflow.api.support.KafkaTestClient;
import org.memberflow.api.support.LocalStackExtension;
import org.memberflow.api.support.MemberFlowIntegrationTest;
import org.memberflow.engine.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read model and delivery wait out a real outage of Redis, then of MariaDB (the embedded
 * servers stopped and started again on the same port and data), and catch up: nothing lost, the
 * welcome coupon decided during the outage recorded and published once.
 */
@MemberFlowIntegrationTest
class StoreOutageTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** Long enough for the sinks' backoff to grow past its first steps (200 ms, doubling). */
    private static final Duration OUTAGE = Duration.ofSeconds(8);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StringRedisTemplate redis;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void shouldCatchUpAfterRedisAndThenMariaDbWereDown() {
        LocalStack stack = LocalStackExtension.stack();
        assumeTrue(stack.embeds(Server.REDIS) && stack.embeds(Server.MARIADB),
                "the stores are external: this test stops only embedded ones");
        String early = "outage-" + run + "-a";
        String late = "outage-" + run + "-b";

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            // Redis down: MySQL keeps up, Redis catches up once it is back.
            stack.stop(Server.REDIS);
            try {
                send(kafka, early, "REGISTERED", ",\"profile\":{\"tier\":\"gold\"}");
                send(kafka, early, "PURCHASE", ",\"orderId\":\"o-1\",\"amount\":120.00");
                await().atMost(WAIT).until(() -> eventCountInMySql(early) == 2);
                await().pollDelay(OUTAGE).until(() -> true);
            } finally {
                stack.restart(Server.REDIS);
            }
            await().atMost(WAIT).untilAsserted(() -> assertThat(snapshotInRedis(early)).contains("\"eventCount\":2"));

            // MariaDB down: Redis keeps up, MySQL (members, actions, purchases) catches up once it is back.
            stack.stop(Server.MARIADB);
            try {
                send(kafka, early, "PURCHASE", ",\"orderId\":\"o-2\",\"amount\":80.00");
                send(kafka, late, "REGISTERED", "");
                await().atMost(WAIT).untilAsserted(() -> {
                    assertThat(snapshotInRedis(early)).contains("\"eventCount\":3");
                    assertThat(snapshotInRedis(late)).contains("\"eventCount\":1");
                });
                await().pollDelay(OUTAGE).until(() -> true);
            } finally {
                stack.restart(Server.MARIADB);
            }
        }

        // The pool reconnects after the restart; a query meanwhile times out in 2 s (Hikari): wait on.
        await().atMost(WAIT).ignoreExceptionsInstanceOf(DataAccessException.class).untilAsserted(() -> {
            assertThat(eventCountInMySql(early)).isEqualTo(3);
            assertThat(eventCountInMySql(late)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM purchase WHERE member_id = ?", Long.class, early))
                    .isEqualTo(2);
        });
        // Each member's welcome coupon once: one decided before the outage, one during it.
        await().atMost(WAIT).ignoreExceptionsInstanceOf(DataAccessException.class).untilAsserted(() -> {
            assertThat(welcomeOutcomes(early)).containsExactly(Map.of("outcome", "DELIVERED"));
            assertThat(welcomeOutcomes(late)).containsExactly(Map.of("outcome", "DELIVERED"));
        });
        // What campaign-actions carries is exactly what the log delivered, each action once.
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            for (String member : List.of(early, late)) {
                List<String> delivered = jdbc.queryForList("SELECT action_id FROM campaign_action WHERE member_id = ?"
                        + " AND outcome = 'DELIVERED'", String.class, member);
                await().atMost(WAIT).untilAsserted(() ->
                        assertThat(publishedActionIds(kafka, member)).containsExactlyInAnyOrderElementsOf(delivered));
            }
        }
    }

    private static void send(KafkaTestClient kafka, String member, String type, String fields) {
        String json = "{\"eventId\":\"e-" + UUID.randomUUID() + "\",\"memberId\":\"" + member + "\",\"type\":\"" + type
                + "\",\"occurredAt\":\"" + Instant.now() + "\"" + fields + "}";
        kafka.send(Topics.MEMBER_EVENTS.name(), null, member, json.getBytes(StandardCharsets.UTF_8),
                System.currentTimeMillis());
    }

    private long eventCountInMySql(String member) {
        List<Long> counts = jdbc.queryForList("SELECT event_count FROM member WHERE member_id = ?", Long.class, member);
        return counts.isEmpty() ? 0 : counts.get(0);
    }

    private String snapshotInRedis(String member) {
        Object snapshot = redis.opsForHash().get("memberflow:member:" + member, "snapshot");
        return snapshot == null ? "" : snapshot.toString();
    }

    private List<Map<String, Object>> welcomeOutcomes(String member) {
        return jdbc.queryForList("SELECT outcome FROM campaign_action WHERE member_id = ? AND campaign_id = 'welcome'",
                member);
    }

    private static List<String> publishedActionIds(KafkaTestClient kafka, String member) {
        return kafka.readAll(Topics.CAMPAIGN_ACTIONS.name()).stream()
                .map(r -> JSON.readTree(r.value()))
                .filter(action -> member.equals(action.get("memberId").asString()))
                .map(action -> action.get("actionId").asString())
                .toList();
    }
}
