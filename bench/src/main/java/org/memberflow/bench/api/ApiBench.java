package org.memberflow.bench.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.memberflow.api.MemberFlowApplication;
import org.memberflow.api.localstack.LocalStack;
import org.memberflow.api.localstack.Ports;
import org.memberflow.api.localstack.StackSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The HTTP API under load, on loopback: the whole server (embedded MariaDB, Redis and broker,
 * the engine running) with members registered through the API first. Member lookups and event
 * ingestion against the server's constant JSON document ({@code GET /api/v1}) as the baseline.
 */
public final class ApiBench {
    private static final int CONNECTIONS = 16;

    /** The three loads of one run. */
    public record Result(int members, int connections, HttpLoad.Result constant, HttpLoad.Result lookup,
            HttpLoad.Result ingestion) {
    }

    private ApiBench() {
    }

    /**
     * @param warmUpSeconds of all three loads together before any is measured: on 2 cores the C2
     *                      compiler took more CPU than Tomcat's threads in the first minute
     */
    public static Result run(int members, double seconds, double warmUpSeconds) throws Exception {
        Path dataDir = Files.createTempDirectory("memberflow-bench-api-");
        LocalStack stack = LocalStack.start(StackSettings.onFreePorts(System.getenv(), dataDir));
        stack.properties().forEach(System::setProperty);
        ConfigurableApplicationContext server = SpringApplication.run(MemberFlowApplication.class,
                "--server.port=" + Ports.free(), "--logging.level.root=WARN");
        try {
            int port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
            register(port, members);
            LongFunction<HttpLoad.Request> constantJson = i -> HttpLoad.Request.get("/api/v1");
            LongFunction<HttpLoad.Request> lookups = i -> HttpLoad.Request.get("/api/v1/members/"
                    + memberId(Math.floorMod(mix(i), members)));
            LongFunction<HttpLoad.Request> purchases = i -> HttpLoad.Request.postJson("/api/v1/events", purchase(i, members));
            HttpLoad.run("warm-up", port, CONNECTIONS, 0, warmUpSeconds, -1, i -> switch ((int) (i % 3)) {
                case 0 -> constantJson.apply(i);
                case 1 -> lookups.apply(i);
                default -> purchases.apply(i + (1L << 40)); // event ids apart from the measured ones
            });
            double settle = Math.min(2, seconds / 4);
            HttpLoad.Result constant = HttpLoad.run("constant JSON (GET /api/v1)", port, CONNECTIONS, settle, seconds, 200,
                    constantJson);
            HttpLoad.Result lookup = HttpLoad.run("member lookup (GET /api/v1/members/{id})", port, CONNECTIONS, settle,
                    seconds, 200, lookups);
            HttpLoad.Result ingestion = HttpLoad.run("event ingestion (POST /api/v1/events)", port, CONNECTIONS, settle,
                    seconds, 202, purchases);
            report(constant);
            report(lookup);
            report(ingestion);
            return new Result(members, CONNECTIONS, constant, lookup, ingestion);
        } finally {
            server.close();
            stack.close();
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    private static String memberId(int m) {
        return "api-m" + m;
    }

    private static long mix(long i) {
        return i * 0x9E3779B97F4A7C15L >>> 1;
    }

    private static String purchase(long i, int members) {
        return "{\"eventId\":\"api-e" + i + "\",\"memberId\":\"" + memberId(Math.floorMod(mix(i), members))
                + "\",\"type\":\"PURCHASE\",\"occurredAt\":\"2026-11-01T10:00:00Z\",\"orderId\":\"api-o" + i
                + "\",\"amount\":128.00,\"storeId\":\"s1\",\"channel\":\"pos\"}";
    }

    /** Registers the members through the API in batches, and waits until every one can be looked up. */
    private static void register(int port, int members) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int from = 0; from < members; from += 1000) {
            StringBuilder batch = new StringBuilder("[");
            for (int m = from; m < Math.min(members, from + 1000); m++) {
                batch.append(m == from ? "" : ",").append("{\"eventId\":\"api-r").append(m).append("\",\"memberId\":\"")
                        .append(memberId(m)).append("\",\"type\":\"REGISTERED\",\"occurredAt\":\"2026-01-01T08:00:00Z\"")
                        .append(",\"profile\":{\"tier\":\"silver\",\"timeZone\":\"Asia/Shanghai\",\"birthday\":\"1990-05-20\"}}");
            }
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(batch.append("]")
                            .toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 202) {
                throw new IllegalStateException("registering members: " + r.statusCode() + " " + r.body());
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            missing.add(m);
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!missing.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(missing.size() + " members never became visible");
            }
            List<Integer> still = new ArrayList<>();
            for (int m : missing) {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/members/" + memberId(m))).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() != 200) {
                    still.add(m);
                }
            }
            missing = still;
            if (!missing.isEmpty()) {
                LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            }
        }
    }

    private static void report(HttpLoad.Result r) {
        System.err.printf("%s: %,.0f requests/s, p50 %.2f ms, p99 %.2f ms, %d errors%n", r.name(), r.requestsPerSecond(),
                r.p50(), r.p99(), r.errors());
    }
}
