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
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.memberflow.api.MemberFlowApplication;
import org.memberflow.api.localstack.LocalStack;
import org.memberflow.api.localstack.Ports;
import org.memberflow.api.localstack.StackSettings;
import org.memberflow.bench.report.Noise;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The HTTP API under load, on loopback: the whole server (embedded MariaDB, Redis and broker,
 * the engine running) with members registered through the API first. Member lookups and event
 * ingestion against the server's constant JSON document ({@code GET /api/v1}) as the baseline,
 * driven by wrk ({@link WrkLoad}) or by a Java load generator in a JVM of its own
 * ({@link LoadGeneratorMain}).
 */
public final class ApiBench {
    private static final int CONNECTIONS = 16;
    /** A pause after each slice of ingestion, for the engine and the sinks to carry the events it sent. */
    private static final Duration DRAIN = Duration.ofSeconds(2);
    /**
     * The bench server's first ADMIN key (its database is new each run). Its rate limit is out of
     * reach, so the limiter's cost is measured and nothing is refused.
     */
    static final String KEY = "mfk_benchadmin00_" + "bench-only-not-a-secret_" + "0".repeat(19);

    /** What drives the loads: wrk when it is installed ({@code AUTO}), or either by name. */
    public enum Client { AUTO, WRK, JAVA }

    /** The three loads of one run, and what drove them ("wrk -t2 -c16", "the Java client"). */
    public record Result(int members, int connections, String client, HttpLoad.Result constant, HttpLoad.Result lookup,
            HttpLoad.Result ingestion) {
    }

    private ApiBench() {
    }

    /**
     * @param warmUpSeconds of all three loads together before any is measured: on 2 cores the C2
     *                      compiler took more CPU than Tomcat's threads in the first minute
     */
    public static Result run(int members, double seconds, double warmUpSeconds, Client client) throws Exception {
        Optional<Path> wrk = client == Client.JAVA ? Optional.empty() : WrkLoad.find();
        if (client == Client.WRK && wrk.isEmpty()) {
            throw new IllegalStateException("wrk is not on the PATH (apt-get install wrk), and --api-client wrk asks for it");
        }
        Path dataDir = Files.createTempDirectory("memberflow-bench-api-");
        LocalStack stack = LocalStack.start(StackSettings.onFreePorts(System.getenv(), dataDir));
        stack.properties().forEach(System::setProperty);
        ConfigurableApplicationContext server = SpringApplication.run(MemberFlowApplication.class,
                "--server.port=" + Ports.free(), "--logging.level.root=WARN", "--memberflow.security.first-admin-key=" + KEY,
                "--memberflow.security.rate-limits.ADMIN=100000000");
        try {
            int port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
            register(port, members);
            String driver;
            List<HttpLoad.Result> loads;
            if (wrk.isPresent()) {
                try (WrkLoad load = new WrkLoad(wrk.get(), port, members, CONNECTIONS)) {
                    driver = load.toString();
                    loads = viaWrk(load, members, seconds, warmUpSeconds);
                }
            } else {
                driver = "the Java client";
                loads = LoadGeneratorProcess.run(port, members, CONNECTIONS, seconds, warmUpSeconds);
            }
            loads.forEach(ApiBench::report);
            return new Result(members, CONNECTIONS, driver, loads.get(0), loads.get(1), loads.get(2));
        } finally {
            server.close();
            stack.close();
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    /** Whether wrk is on the PATH, for {@link Client#AUTO}. */
    public static boolean wrkInstalled() {
        return WrkLoad.find().isPresent();
    }

    /**
     * Warms up with the three loads mixed, then each alone; then measures them in turns, a slice
     * of each per round ({@link Noise#SLICES} rounds), so that a server still getting faster
     * favours none of them: measured one after the other, the first (the baseline) came out below
     * the lookups it is the ceiling of (2,946 against 3,684 requests/s). After each slice of
     * ingestion the engine and the sinks are given {@link #DRAIN} to carry what it sent, so that
     * the next round's slices do not share the cores with it.
     */
    private static List<HttpLoad.Result> viaWrk(WrkLoad wrk, int members, double seconds, double warmUpSeconds)
            throws Exception {
        ApiLoads loads = new ApiLoads(members);
        wrk.warm(loads.warmUp().kind(), warmUpSeconds, "w-");
        List<ApiLoads.Load> measured = loads.measured();
        for (ApiLoads.Load load : measured) {
            wrk.warm(load.kind(), ApiLoads.settleSeconds(seconds), "s" + load.kind().ordinal() + "-");
        }
        List<List<WrkLoad.Slice>> slices = new ArrayList<>();
        measured.forEach(load -> slices.add(new ArrayList<>()));
        for (int round = 0; round < Noise.SLICES; round++) {
            for (int i = 0; i < measured.size(); i++) {
                WrkLoad.Kind kind = measured.get(i).kind();
                slices.get(i).add(wrk.slice(kind, seconds / Noise.SLICES, "m" + kind.ordinal() + "-" + round + "-"));
                if (kind == WrkLoad.Kind.PURCHASE) {
                    LockSupport.parkNanos(DRAIN.toNanos());
                }
            }
        }
        List<HttpLoad.Result> results = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            results.add(WrkLoad.combine(measured.get(i).name(), slices.get(i)));
        }
        return results;
    }

    /** Registers the members through the API in batches, and waits until every one can be looked up. */
    private static void register(int port, int members) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int from = 0; from < members; from += 1000) {
            StringBuilder batch = new StringBuilder("[");
            for (int m = from; m < Math.min(members, from + 1000); m++) {
                batch.append(m == from ? "" : ",").append("{\"eventId\":\"api-r").append(m).append("\",\"memberId\":\"")
                        .append(ApiLoads.memberId(m)).append("\",\"type\":\"REGISTERED\",\"occurredAt\":\"2026-01-01T08:00:00Z\"")
                        .append(",\"profile\":{\"tier\":\"silver\",\"timeZone\":\"Asia/Shanghai\",\"birthday\":\"1990-05-20\"}}");
            }
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + KEY).POST(HttpRequest.BodyPublishers.ofString(batch.append("]")
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
                        + "/api/v1/members/" + ApiLoads.memberId(m))).header("Authorization", "Bearer " + KEY).build(),
                        HttpResponse.BodyHandlers.discarding());
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
