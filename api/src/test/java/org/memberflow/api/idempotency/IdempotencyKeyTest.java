package org.memberflow.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.memberflow.api.support.Http;
import org.memberflow.api.support.MemberFlowIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** Idempotency-Key on POSTs against the real Redis: one effect, the first answer replayed, a reuse refused. */
@MemberFlowIntegrationTest
class IdempotencyKeyTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StringRedisTemplate redis;

    @Test
    void shouldCreateOnceAndReplayTheFirstAnswerToTheSameRequest() throws Exception {
        Http http = new Http(port);
        String campaign = "idem-" + UUID.randomUUID();
        String body = "{\"url\":\"http://127.0.0.1:9/hook\",\"campaignId\":\"" + campaign + "\"}";
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = post(http, "/api/v1/webhooks", body, key);
        HttpResponse<String> again = post(http, "/api/v1/webhooks", body, key);
        try {
            assertThat(first.statusCode()).isEqualTo(201);
            assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
            assertThat(again.statusCode()).isEqualTo(201);
            assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
            assertThat(again.headers().firstValue("Content-Type")).hasValue("application/json");
            String secret = tools.jackson.databind.json.JsonMapper.builder().build().readTree(first.body()).get("secret")
                    .asString();
            assertThat(again.body()).as("the signing secret is shown once, not kept for repeats").doesNotContain(secret)
                    .contains("not kept");
            assertThat(redis.opsForHash().get("memberflow:idem:testadmin000:" + RequestFingerprint.sha256(key), "body")
                    .toString()).doesNotContain(secret);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM webhook WHERE campaign_id = ?", Integer.class, campaign))
                    .isEqualTo(1);
            assertThat(redis.getExpire("memberflow:idem:" + "testadmin000:" + RequestFingerprint.sha256(key)))
                    .isBetween(23 * 3600L, 24 * 3600L);

            HttpResponse<String> reused = post(http, "/api/v1/webhooks", body.replace("/hook", "/other"), key);
            assertThat(reused.statusCode()).isEqualTo(422);
            assertThat(reused.body()).contains("idempotency-key-reused");

            HttpResponse<String> withoutKey = http.postJson("/api/v1/webhooks", body);
            assertThat(withoutKey.statusCode()).as("no key: a request of its own").isEqualTo(201);
        } finally {
            jdbc.queryForList("SELECT webhook_id FROM webhook WHERE campaign_id = ?", Long.class, campaign)
                    .forEach(id -> deleteQuietly(http, id));
        }
    }

    @Test
    void shouldReplayARefusalAndFingerprintAMultipartUploadByItsParts() throws Exception {
        Http http = new Http(port);
        String key = UUID.randomUUID().toString();
        HttpResponse<String> refused = post(http, "/api/v1/keys", "{\"name\":\"\"}", key);
        assertThat(refused.statusCode()).isEqualTo(400);
        HttpResponse<String> refusedAgain = post(http, "/api/v1/keys", "{\"name\":\"\"}", key);
        assertThat(refusedAgain.statusCode()).isEqualTo(400);
        assertThat(refusedAgain.body()).isEqualTo(refused.body());
        assertThat(refusedAgain.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(refusedAgain.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        // A multipart form sent twice has two boundaries; the same parts are the same request.
        String uploadKey = UUID.randomUUID().toString();
        Map<String, byte[]> files = Map.of("broken.drl", "rule \"x\" when then nothing".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> validated = validate(http, files, uploadKey);
        HttpResponse<String> validatedAgain = validate(http, files, uploadKey);
        assertThat(validated.statusCode()).as(validated.body()).isEqualTo(422);
        assertThat(validatedAgain.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(validatedAgain.body()).isEqualTo(validated.body());
        Map<String, byte[]> otherFiles = Map.of("broken.drl", "rule \"y\" when then nothing".getBytes(StandardCharsets.UTF_8));
        assertThat(validate(http, otherFiles, uploadKey).statusCode()).isEqualTo(422);
        assertThat(validate(http, otherFiles, uploadKey).body()).contains("idempotency-key-reused");
    }

    @Test
    void shouldRefuseAMalformedIdempotencyKey() throws Exception {
        Http http = new Http(port);
        HttpResponse<String> r = post(http, "/api/v1/keys", "{}", "x".repeat(256));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"pointer\":\"Idempotency-Key\"");
    }

    @Test
    void shouldAnswerAnUnreadableMultipartBodyWith400() throws Exception {
        Http http = new Http(port);
        for (boolean withKey : new boolean[] {true, false}) {
            HttpRequest.Builder request = http.request("/api/v1/rulesets/validate")
                    .header("Content-Type", "multipart/form-data; boundary=cut")
                    .POST(HttpRequest.BodyPublishers.ofString("--cut\r\nContent-Disposition: form-data; name=\"files\"\r\n\r\nno end"));
            if (withKey) {
                request.header("Idempotency-Key", "broken-" + UUID.randomUUID());
            }
            HttpResponse<String> r = http.send(request.build());
            assertThat(r.statusCode()).as("with a key: " + withKey + " " + r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    private static HttpResponse<String> validate(Http http, Map<String, byte[]> files, String key) throws Exception {
        return http.postMultipart("/api/v1/rulesets/validate", Map.of("name", "idem", "author", "idem-test"), files, Map.of("Idempotency-Key", key));
    }

    private static HttpResponse<String> post(Http http, String path, String json, String key) throws Exception {
        return http.send(http.request(path).header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static void deleteQuietly(Http http, long webhookId) {
        try {
            http.delete("/api/v1/webhooks/" + webhookId);
        } catch (Exception e) {
            // the test's own webhooks; a failure here leaves an inactive-campaign webhook behind
        }
    }
}
