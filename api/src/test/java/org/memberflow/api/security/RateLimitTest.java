package org.memberflow.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.memberflow.api.support.Http;
import org.memberflow.api.support.MemberFlowIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Each key's rate limit, counted in the real Redis: over it, 429 with Retry-After; the next second, through again. */
@MemberFlowIntegrationTest
class RateLimitTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;

    @Test
    void shouldRefuseAKeyOverItsLimitAndLetItThroughTheNextSecond() throws Exception {
        Http admin = new Http(port);
        String issued = admin.postJson("/api/v1/keys", "{\"name\":\"limited-" + UUID.randomUUID()
                + "\",\"role\":\"VIEWER\",\"rateLimitPerSecond\":3}").body();
        String id = JSON.readTree(issued).get("id").asString();
        Http limited = admin.as(JSON.readTree(issued).get("key").asString());

        List<HttpResponse<String>> burst = new ArrayList<>();
        long second = redisSecond();
        for (int i = 0; i < 10; i++) {
            burst.add(limited.get("/api/v1"));
        }
        boolean sameSecond = redisSecond() == second;
        List<HttpResponse<String>> refused = burst.stream().filter(r -> r.statusCode() == 429).toList();
        if (sameSecond) {
            assertThat(burst.stream().filter(r -> r.statusCode() == 200)).hasSize(3);
        }
        assertThat(refused).isNotEmpty();
        HttpResponse<String> one = refused.get(0);
        assertThat(one.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(one.headers().firstValue("RateLimit-Limit")).hasValue("3");
        assertThat(one.headers().firstValue("RateLimit-Remaining")).hasValue("0");
        assertThat(one.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(one.body()).contains("rate-limited", id);
        assertThat(redis.keys("memberflow:rate:" + id + ":*")).isNotEmpty();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(limited.get("/api/v1").statusCode()).isEqualTo(200));
        assertThat(admin.get("/api/v1").headers().firstValue("RateLimit-Limit")).as("the ADMIN role's default").hasValue("500");
    }

    /** The window is Redis's second, not this machine's. */
    private long redisSecond() {
        return redis.execute((RedisCallback<Long>) connection -> connection.serverCommands().time(TimeUnit.SECONDS));
    }

    @Test
    void shouldStopLookingUpKeysForAnAddressThatFailedTooOften() throws Exception {
        Http http = new Http(port);
        String counter = FailedAuthLimit.PREFIX + "127.0.0.1";
        redis.delete(counter);
        try {
            // A key used for the first time now: this server knows it for the next 10 s.
            Http known = http.as(JSON.readTree(http.postJson("/api/v1/keys", "{\"name\":\"known-" + UUID.randomUUID()
                    + "\",\"role\":\"VIEWER\"}").body()).get("key").asString());
            assertThat(known.get("/api/v1").statusCode()).isEqualTo(200);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 31; i++) {
                statuses.add(http.as(KeyToken.generate().value()).get("/api/v1").statusCode()); // a new unknown id each time
            }
            assertThat(statuses.subList(0, 30)).containsOnly(401);
            HttpResponse<String> blocked = http.as(KeyToken.generate().value()).get("/api/v1");
            assertThat(blocked.statusCode()).isEqualTo(429);
            assertThat(blocked.headers().firstValue("Retry-After")).hasValue("60");
            assertThat(blocked.body()).contains("too-many-failed-keys");
            // A key this server knows (checked in the last 10 s) still gets through: nothing to look up.
            assertThat(known.get("/api/v1").statusCode()).isEqualTo(200);
        } finally {
            redis.delete(counter);
        }
    }
}
