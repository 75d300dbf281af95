package org.memberflow.api.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.memberflow.api.ruleset.RuleSetCatalog;
import org.memberflow.api.ruleset.TestRuleSets;
import org.memberflow.api.support.Http;
import org.memberflow.api.support.MemberFlowIntegrationTest;
import org.memberflow.engine.ruleset.RuleSetActivator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed webhooks against a real HTTP receiver on loopback: the signature checks out, failures
 * are retried with backoff, a delivery that keeps failing goes DEAD (three attempts in tests) and
 * comes back through the API's retry.
 */
@MemberFlowIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    RuleSetCatalog catalog;
    @Autowired
    RuleSetActivator activator;
    Http http;
    HttpServer receiver;
    final AtomicInteger failuresLeft = new AtomicInteger();
    final List<Received> received = new CopyOnWriteArrayList<>();
    /** When set, the receiver holds each request until it is counted down. */
    final AtomicReference<CountDownLatch> hanging = new AtomicReference<>();
    final AtomicInteger inFlight = new AtomicInteger();

    record Received(Map<String, String> headers, byte[] body, int answered) {
    }

    @BeforeAll
    void start() throws Exception {
        http = new Http(port);
        TestRuleSets.activateDeliveryTestCampaigns(catalog, activator);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            CountDownLatch hang = hanging.get();
            if (hang != null) {
                inFlight.incrementAndGet();
                try {
                    hang.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                hanging.set(null);
            }
            int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 204;
            Map<String, String> headers = Map.of(
                    "action", exchange.getRequestHeaders().getFirst("X-MemberFlow-Action-Id"),
                    "timestamp", exchange.getRequestHeaders().getFirst(WebhookSigner.TIMESTAMP_HEADER),
                    "signature", exchange.getRequestHeaders().getFirst(WebhookSigner.SIGNATURE_HEADER));
            received.add(new Received(headers, body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    void stop() throws Exception {
        receiver.stop(0);
        TestRuleSets.restoreBuiltIns(catalog, activator);
    }

    @Test
    void shouldSignRetryKillAndReviveDeliveries() throws Exception {
        JsonNode created = JSON.readTree(http.postJson("/api/v1/webhooks", "{\"url\":\"http://127.0.0.1:"
                + receiver.getAddress().getPort() + "/hook\",\"campaignId\":\"dt-hook\"}").body());
        long webhookId = created.get("webhookId").asLong();
        String secret = created.get("secret").asString();
        assertThat(secret).hasSize(64);
        assertThat(http.get("/api/v1/webhooks/" + webhookId).body()).doesNotContain(secret);
        String member = "hook-" + UUID.randomUUID();
        CountDownLatch release = new CountDownLatch(1);
        try {
            // Two failures, then a 2xx: delivered on the third attempt.
            failuresLeft.set(2);
            refund(member);
            JsonNode delivered = awaitDelivery(webhookId, "DELIVERED");
            assertThat(delivered.get("attempts").asInt()).isEqualTo(3);
            String actionId = delivered.get("actionId").asString();
            List<Received> calls = received.stream().filter(r -> actionId.equals(r.headers().get("action"))).toList();
            assertThat(calls).extracting(Received::answered).containsExactly(500, 500, 204);
            for (Received call : calls) {
                long timestamp = Long.parseLong(call.headers().get("timestamp"));
                assertThat(call.headers().get("signature")).isEqualTo(WebhookSigner.sign(secret, timestamp, call.body()));
                assertThat(Instant.ofEpochSecond(timestamp)).isBetween(Instant.now().minusSeconds(120), Instant.now());
            }
            JsonNode body = JSON.readTree(calls.get(2).body());
            assertThat(body.get("actionId").asString()).isEqualTo(actionId);
            assertThat(body.get("campaignId").asString()).isEqualTo("dt-hook");
            assertThat(body.get("params").get("messageTemplate").asString()).isEqualTo("REFUNDED");
            long deliveredId = delivered.get("deliveryId").asLong();
            assertThat(http.postJson("/api/v1/webhooks/deliveries/" + deliveredId + "/retry", "").statusCode())
                    .isEqualTo(409);

            // Failing every time: DEAD after three attempts, and visible as such.
            failuresLeft.set(Integer.MAX_VALUE);
            refund(member);
            JsonNode dead = awaitDelivery(webhookId, "DEAD");
            assertThat(dead.get("attempts").asInt()).isEqualTo(3);
            assertThat(dead.get("lastStatus").asInt()).isEqualTo(500);
            assertThat(dead.get("lastError").asString()).isEqualTo("HTTP 500");

            // The receiver is fixed; a retry through the API delivers it.
            failuresLeft.set(0);
            long deadId = dead.get("deliveryId").asLong();
            var retried = http.postJson("/api/v1/webhooks/deliveries/" + deadId + "/retry", "");
            assertThat(retried.statusCode()).isEqualTo(202);
            await().atMost(WAIT).until(() -> JSON.readTree(http.get("/api/v1/webhooks/deliveries/" + deadId).body())
                    .get("status").asString().equals("DELIVERED"));

            // The webhook is removed while a delivery is in flight: it is CANCELLED, and the answer
            // that comes afterwards does not bring it back (only the live claim records a result).
            hanging.set(release);
            refund(member);
            await().atMost(WAIT).until(() -> inFlight.get() > 0);
        } finally {
            assertThat(http.delete("/api/v1/webhooks/" + webhookId).statusCode()).isEqualTo(204);
        }
        assertThat(JSON.readTree(http.get("/api/v1/webhooks/" + webhookId).body()).get("active").asBoolean()).isFalse();
        assertThat(newest(webhookId).get("status").asString()).isEqualTo("CANCELLED");
        int answered = received.size();
        release.countDown();
        await().atMost(WAIT).until(() -> received.size() > answered);
        await().during(Duration.ofSeconds(1)).atMost(WAIT)
                .until(() -> newest(webhookId).get("status").asString().equals("CANCELLED"));
    }

    @Test
    void shouldRefuseBadWebhooksNamingTheField() throws Exception {
        var bad = http.postJson("/api/v1/webhooks", "{\"url\":\"ftp://x/y\",\"secret\":\"short\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"pointer\":\"/url\"", "\"pointer\":\"/secret\"");
        assertThat(http.get("/api/v1/webhooks/deliveries?status=LOST").body()).contains("\"pointer\":\"status\"");
        assertThat(http.get("/api/v1/webhooks/999999").statusCode()).isEqualTo(404);
        assertThat(http.postJson("/api/v1/webhooks/deliveries/999999/retry", "").statusCode()).isEqualTo(404);
    }

    private void refund(String member) throws Exception {
        assertThat(http.postJson("/api/v1/events", "{\"eventId\":\"e-" + UUID.randomUUID() + "\",\"memberId\":\"" + member
                + "\",\"type\":\"REFUND\",\"occurredAt\":\"" + Instant.now() + "\",\"orderId\":\"o-" + UUID.randomUUID()
                + "\",\"amount\":5.00}").statusCode()).isEqualTo(202);
    }

    /** Waits for the webhook's newest delivery to reach {@code status}, and returns it. */
    private JsonNode awaitDelivery(long webhookId, String status) throws Exception {
        await().atMost(WAIT).until(() -> newest(webhookId) != null && newest(webhookId).get("status").asString().equals(status));
        return newest(webhookId);
    }

    private JsonNode newest(long webhookId) throws Exception {
        JsonNode items = JSON.readTree(http.get("/api/v1/webhooks/deliveries?webhookId=" + webhookId + "&size=1").body())
                .get("items");
        return items.isEmpty() ? null : items.get(0);
    }
}
