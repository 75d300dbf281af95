package org.memberflow.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.memberflow.api.support.Http;
import org.memberflow.api.support.MemberFlowIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

/** A member's latest snapshot, from the engine through member-snapshots into Redis, served by GET. */
@MemberFlowIntegrationTest
class MemberLookupTest {

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;

    @Test
    void shouldServeTheMembersLatestSnapshotFromRedis() throws Exception {
        String member = "m-" + UUID.randomUUID();
        redis.opsForValue().set("memberflow:member:" + member, "{}"); // the layout before hashes: replaced
        post("{\"eventId\":\"r-" + UUID.randomUUID() + "\",\"memberId\":\"" + member + "\",\"type\":\"REGISTERED\","
                + "\"occurredAt\":\"2026-05-20T08:00:00Z\",\"profile\":{\"tier\":\"gold\",\"timeZone\":\"Asia/Shanghai\"}}");
        post("{\"eventId\":\"p-" + UUID.randomUUID() + "\",\"memberId\":\"" + member + "\",\"type\":\"PURCHASE\","
                + "\"occurredAt\":\"2026-05-21T08:00:00Z\",\"orderId\":\"o-1\",\"amount\":88.50}");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> found = get("/api/v1/members/" + member);
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(found.body()).contains("\"memberId\":\"" + member + "\"", "\"tier\":\"gold\"", "\"eventCount\":2",
                    "\"lifetimeSpend\":88.50");
        });
        assertThat((String) redis.opsForHash().get("memberflow:member:" + member, "snapshot")).contains("\"eventCount\":2");
        assertThat(redis.opsForHash().get("memberflow:member:" + member, "tier")).isEqualTo("gold");
        assertThat(redis.opsForHash().get("memberflow:member:" + member, "rfmClass")).isNotNull();
    }

    @Test
    void shouldAnswerAnUnknownMemberWithANotFoundProblem() throws Exception {
        HttpResponse<String> missing = get("/api/v1/members/nobody-" + UUID.randomUUID());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(missing.body()).contains("member-not-found");

        HttpResponse<String> tooLong = get("/api/v1/members/" + "x".repeat(65));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"pointer\":\"memberId\"");
    }

    @Test
    void shouldDescribeItselfAtTheRoot() throws Exception {
        HttpResponse<String> index = get("/api/v1");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("\"name\":\"MemberFlow\"", "\"member\":\"/api/v1/members/{memberId}\"");
    }

    private void post(String json) throws Exception {
        HttpResponse<String> r = new Http(port).postJson("/api/v1/events", json);
        assertThat(r.statusCode()).isEqualTo(202);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return new Http(port).get(path);
    }
}
