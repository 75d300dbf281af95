package org.memberflow.bench.chaos;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.memberflow.api.localstack.LocalStack.Server;
import org.memberflow.bench.chaos.ScenarioResult.Figure;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * MariaDB or Redis stopped under a steady load of events. Meanwhile requests that need the
 * stopped store get 503 with a problem document, quickly and without a stack trace, and requests
 * that do not need it keep working. Once it is back, the sinks catch up: every event counted in
 * MySQL and in Redis, every member's welcome coupon in the action log, none lost.
 */
public final class StoreOutageScenario {
    private static final Pattern EVENT_COUNT = Pattern.compile("\"eventCount\":(\\d+)");

    private StoreOutageScenario() {
    }

    public static ScenarioResult run(ChaosServer server, Server store, Duration outage, int eventsPerSecond) {
        if (!server.stack().embeds(store)) {
            throw new IllegalArgumentException(store + " is external: the scenario stops only embedded servers");
        }
        String run = "out-" + store.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8);
        int members = Math.max(20, eventsPerSecond);
        List<String> failures = new ArrayList<>();
        try (SteadyLoad load = new SteadyLoad(server.bootstrapServers(), run, members).start(eventsPerSecond)) {
            // The members exist everywhere before the outage, so that a lookup has something to find.
            if (!Waiting.until(Duration.ofMinutes(2), () -> membersInMySql(server, run) == members
                    && eventCountInRedis(server, load.memberId(members - 1)) > 0)) {
                failures.add("the members were not all registered before the outage");
            }
            String member = load.memberId(0);
            Probe needsStore = new Probe(store == Server.REDIS ? "member lookup (Redis)" : "member's actions (MySQL)", 503);
            Probe other = new Probe(store == Server.REDIS ? "member's actions (MySQL)" : "member lookup (Redis)", 200);
            Probe index = new Probe("API index (no store)", 200);
            String needsPath = store == Server.REDIS ? "/api/v1/members/" + member : "/api/v1/members/" + member + "/actions";
            String otherPath = store == Server.REDIS ? "/api/v1/members/" + member + "/actions" : "/api/v1/members/" + member;

            AtomicBoolean down = new AtomicBoolean(true);
            ExecutorService probes = Executors.newFixedThreadPool(3);
            server.stack().stop(store);
            long stoppedAt = System.nanoTime();
            try {
                probes.submit(() -> probeWhile(down, needsStore, server, needsPath));
                probes.submit(() -> probeWhile(down, other, server, otherPath));
                probes.submit(() -> probeWhile(down, index, server, "/api/v1"));
                Waiting.pause(outage);
            } finally {
                down.set(false);
                server.stack().restart(store);
            }
            long outageMillis = (System.nanoTime() - stoppedAt) / 1_000_000;
            probes.shutdown();
            awaitTermination(probes);

            // Catching up under load for a while, then the load stops and everything must be counted.
            Waiting.pause(Duration.ofSeconds(2));
            load.stop();
            if (load.failure() != null) {
                failures.add("the broker refused an event: " + load.failure());
            }
            long restartedAt = System.nanoTime();
            Duration limit = Duration.ofSeconds(120).plus(outage);
            boolean caughtUp = Waiting.until(limit, () -> eventsInMySql(server, run) == load.sent()
                    && welcomes(server, run) == load.membersReached() && redisBehind(server, load) == 0);
            long catchUpSeconds = (System.nanoTime() - restartedAt) / 1_000_000_000L;
            if (!caughtUp) {
                failures.add("the stores did not catch up within " + limit.toSeconds() + " s");
            }

            List<Figure> figures = new ArrayList<>();
            figures.add(new Figure(store + " stopped, ms", outageMillis, null));
            figures.add(new Figure("events sent", load.sent(), null));
            figures.add(new Figure("events counted in MySQL", eventsInMySql(server, run), (long) load.sent()));
            figures.add(new Figure("members behind in Redis", redisBehind(server, load), 0L));
            figures.add(new Figure("welcome coupons in the action log", welcomes(server, run), (long) load.membersReached()));
            figures.add(new Figure("seconds to catch up after the load stopped", catchUpSeconds, null));
            for (Probe p : List.of(needsStore, other, index)) {
                figures.add(new Figure(p.name() + ": requests", p.sent(), null));
                figures.add(new Figure(p.name() + ": answered as promised", p.kept(), p.sent()));
                figures.add(new Figure(p.name() + ": slowest answer, ms", p.slowestMillis(), null));
                failures.addAll(p.failures());
            }
            if (needsStore.sent() == 0) {
                failures.add("no request reached the server while " + store + " was down");
            }
            figures.stream().filter(f -> !f.ok() && !f.name().endsWith("answered as promised"))
                    .forEach(f -> failures.add(f.name() + ": " + f.value() + ", not " + f.expected()));
            return new ScenarioResult(store.name().toLowerCase(Locale.ROOT) + " stopped under load", figures, failures);
        }
    }

    private static void probeWhile(AtomicBoolean down, Probe probe, ChaosServer server, String path) {
        while (down.get()) {
            probe.send(server, HttpRequest.newBuilder(server.uri(path)).GET());
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    private static void awaitTermination(ExecutorService probes) {
        try {
            if (!probes.awaitTermination(1, TimeUnit.MINUTES)) {
                probes.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long membersInMySql(ChaosServer server, String run) {
        return server.jdbc().queryForObject("SELECT COUNT(*) FROM member WHERE member_id LIKE ?", Long.class, run + "-%");
    }

    private static long eventsInMySql(ChaosServer server, String run) {
        return server.jdbc().queryForObject("SELECT COALESCE(SUM(event_count), 0) FROM member WHERE member_id LIKE ?",
                Long.class, run + "-%");
    }

    private static long welcomes(ChaosServer server, String run) {
        return server.jdbc().queryForObject("SELECT COUNT(*) FROM campaign_action WHERE campaign_id = 'welcome'"
                + " AND member_id LIKE ?", Long.class, run + "-%");
    }

    private static long eventCountInRedis(ChaosServer server, String memberId) {
        Object snapshot = server.context().getBean(StringRedisTemplate.class).opsForHash()
                .get("memberflow:member:" + memberId, "snapshot");
        if (snapshot == null) {
            return 0;
        }
        Matcher m = EVENT_COUNT.matcher(snapshot.toString());
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** Members whose snapshot in Redis has not counted every event sent to them. */
    private static long redisBehind(ChaosServer server, SteadyLoad load) {
        long behind = 0;
        for (int m = 0; m < load.membersReached(); m++) {
            if (eventCountInRedis(server, load.memberId(m)) != load.sentTo(m)) {
                behind++;
            }
        }
        return behind;
    }
}
