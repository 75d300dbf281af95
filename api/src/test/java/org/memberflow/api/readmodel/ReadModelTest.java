package org.memberflow.api.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.memberflow.api.support.Http;
import org.memberflow.api.support.MemberFlowIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The read model on the real stack: member-snapshots into MySQL, member-segments into MySQL and Redis sets. */
@MemberFlowIntegrationTest
class ReadModelTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StringRedisTemplate redis;

    @Test
    void shouldKeepEachMembersLatestSnapshotAndSegmentsInMySqlAndRedis() throws Exception {
        Http http = new Http(port);
        String member = "rm-" + UUID.randomUUID();
        Instant now = Instant.now();
        assertThat(http.postJson("/api/v1/events", "[{\"eventId\":\"r-" + UUID.randomUUID() + "\",\"memberId\":\"" + member
                + "\",\"type\":\"REGISTERED\",\"occurredAt\":\"" + now + "\",\"profile\":{\"tier\":\"gold\","
                + "\"tags\":[\"vip\"],\"timeZone\":\"Asia/Shanghai\"}},{\"eventId\":\"p-" + UUID.randomUUID()
                + "\",\"memberId\":\"" + member + "\",\"type\":\"PURCHASE\",\"occurredAt\":\"" + now
                + "\",\"orderId\":\"o-1\",\"amount\":88.50}]").statusCode()).isEqualTo(202);

        // The class depends on the breakpoints of the moment; the read model must agree with the engine's snapshot.
        await().atMost(WAIT).until(() -> http.get("/api/v1/members/" + member).body().contains("\"eventCount\":2"));
        String rfmClass = JSON.readTree(http.get("/api/v1/members/" + member).body()).get("rfmClass").asString();
        assertThat(rfmClass).isNotEqualTo("prospect");
        await().atMost(WAIT).untilAsserted(() -> {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM member WHERE member_id = ?", member);
            assertThat(rows).singleElement().satisfies(row -> {
                assertThat(row.get("rfm_class")).isEqualTo(rfmClass);
                assertThat(row.get("tier")).isEqualTo("gold");
                assertThat(row.get("tags")).isEqualTo("[\"vip\"]");
                assertThat((BigDecimal) row.get("lifetime_spend")).isEqualByComparingTo("88.50");
                assertThat(((Number) row.get("event_count")).longValue()).isEqualTo(2);
            });
        });
        // Registered (a prospect), then a buyer: out of the prospects, into the class, in MySQL and Redis.
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(jdbc.queryForList("SELECT segment FROM member_segment WHERE member_id = ?", String.class, member))
                    .containsExactly(rfmClass);
            assertThat(redis.opsForSet().isMember(SegmentSets.key("default", rfmClass), member)).isTrue();
            assertThat(redis.opsForSet().isMember(SegmentSets.key("default", "prospect"), member)).isFalse();
        });
    }
}
