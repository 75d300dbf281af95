package org.memberflow.bench.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** wrk's results as the bench reads them, and the requests its scripts send, against a real HTTP server. */
class WrkLoadTest {

    @Test
    void shouldTakeTheSmallestLatencyWithTheQuantileAtOrBelowIt() {
        TreeMap<Long, Double> histogram = new TreeMap<>();
        histogram.put(100L, 50.0);
        histogram.put(200L, 49.0);
        histogram.put(900L, 1.0);

        assertThat(WrkLoad.percentile(histogram, 0.50)).isEqualTo(100);
        assertThat(WrkLoad.percentile(histogram, 0.51)).isEqualTo(200);
        assertThat(WrkLoad.percentile(histogram, 0.99)).isEqualTo(200);
        assertThat(WrkLoad.percentile(histogram, 1.0)).isEqualTo(900);
    }

    @Test
    void shouldReadTheScriptsResultFile() {
        WrkLoad.Slice slice = WrkLoad.parse(List.of("1200 3 2500000", "150", "4000", ""));

        assertThat(slice.requests()).isEqualTo(1200);
        assertThat(slice.errors()).isEqualTo(3);
        assertThat(slice.seconds()).isEqualTo(2.5);
        assertThat(slice.points()).containsExactly(150L, 4000L);
    }

    @Test
    void shouldSendDistinctPurchasesAndCountEveryResponse() throws Exception {
        Assumptions.assumeTrue(ApiBench.wrkInstalled(), "wrk is not installed");
        Set<String> eventIds = ConcurrentHashMap.newKeySet();
        Set<String> paths = ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean authorized = ("Bearer " + ApiBench.KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"));
            paths.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            if (!body.isEmpty()) {
                eventIds.add(body.replaceAll(".*\"eventId\":\"([^\"]+)\".*", "$1"));
            }
            exchange.sendResponseHeaders(authorized ? (body.isEmpty() ? 200 : 202) : 401, -1);
            exchange.close();
        });
        server.start();
        try (WrkLoad wrk = new WrkLoad(WrkLoad.find().orElseThrow(), server.getAddress().getPort(), 50, 4)) {
            List<WrkLoad.Slice> slices = List.of(wrk.slice(WrkLoad.Kind.PURCHASE, 1, "t0-"),
                    wrk.slice(WrkLoad.Kind.PURCHASE, 1, "t1-"));
            HttpLoad.Result purchases = WrkLoad.combine("purchases", slices);
            wrk.warm(WrkLoad.Kind.MIXED, 0.5, "w-");

            assertThat(purchases.requests()).isPositive();
            assertThat(purchases.errors()).isZero();
            assertThat(purchases.p99()).isGreaterThanOrEqualTo(purchases.p50()).isPositive();
            // Every purchase had an event id of its own (wrk may send a few past the end that go unanswered).
            assertThat(eventIds).hasSizeGreaterThanOrEqualTo((int) purchases.requests());
            assertThat(paths).contains("POST /api/v1/events", "GET /api/v1")
                    .anyMatch(p -> p.startsWith("GET /api/v1/members/api-m"));
        } finally {
            server.stop(0);
        }
    }
}
