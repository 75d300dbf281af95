package org.memberflow.bench.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.memberflow.bench.chaos.ScenarioResult.Figure;
import org.memberflow.bench.sweep.CommittedSweep;
import org.memberflow.engine.Topics;

/**
 * Quartz kill: the birthday job run on the clustered scheduler, and the server that fired it killed
 * (SIGKILL) as soon as its tick is out, while the sweep it woke runs on every server; then the job run
 * again, as Quartz's recovery of a job cut off mid-run runs it again. The promise: each member whose
 * birthday is near gets one birthday gift for the year, none more, none less.
 */
public final class QuartzKillScenario {
    public static final String NAME = "quartz-kill";
    private static final String JOB = "birthday";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * @param members members whose birthday is three days after the tick's date
     * @param timeout for each wait (registration, the firing node, the sweep)
     */
    public record Plan(int members, long seed, Duration timeout) {
    }

    private QuartzKillScenario() {
    }

    public static ScenarioResult run(ChaosStack stack, ServerCluster cluster, Plan plan) {
        Random random = new Random(plan.seed() ^ 0x51A27L);
        String prefix = "qz-" + HexFormat.of().toHexDigits(random.nextInt()) + "-";
        // A date no earlier run on this broker swept (the engine sweeps a job and date once); the event
        // clock makes the sweep judge every member as of that day.
        LocalDate day = LocalDate.of(2012, 1, 1).plusDays(random.nextInt(3000));
        ActionCensus census = new ActionCensus(stack);
        List<String> failures = new ArrayList<>();

        register(stack, prefix, plan.members(), day);
        if (!Settled.await(census, prefix, plan.members(), plan.timeout())) { // each member's welcome coupon
            failures.add("the members' registrations were not all settled within " + plan.timeout());
        }

        Map<ServerProcess, Long> logSizes = logSizes(cluster);
        runJob(cluster.servers().get(random.nextInt(cluster.servers().size())), day);
        ServerProcess firing = awaitFiring(cluster, logSizes, day, plan.timeout());
        int kills = 0;
        if (firing == null) {
            failures.add("no server's log shows the tick " + JOB + " " + day + " within " + plan.timeout());
        } else {
            System.err.printf("quartz-kill: kill -9 %s, which fired %s %s%n", firing.instanceId(), JOB, day);
            cluster.killAndRestart(firing);
            kills++;
        }
        runJob(cluster.servers().get(random.nextInt(cluster.servers().size())), day);

        awaitSweepDone(stack, census, day, plan.timeout(), failures);
        List<ActionCensus.LoggedRow> gifts = awaitGifts(census, prefix, plan.members(), plan.timeout());
        Map<String, Integer> perMember = new HashMap<>();
        gifts.forEach(g -> perMember.merge(g.memberId() + " " + g.periodKey(), 1, Integer::sum));
        long twice = perMember.values().stream().filter(n -> n > 1).count();
        long periods = gifts.stream().map(ActionCensus.LoggedRow::periodKey).distinct().count();
        java.util.Set<String> delivered = new java.util.HashSet<>();
        gifts.stream().filter(g -> g.outcome().equals("DELIVERED")).forEach(g -> delivered.add(g.actionId()));
        Map<String, Integer> published = new HashMap<>();
        Map<String, Integer> allPublished = census.onTopic(Topics.CAMPAIGN_ACTIONS, prefix);
        gifts.forEach(g -> {
            if (allPublished.containsKey(g.actionId())) {
                published.put(g.actionId(), allPublished.get(g.actionId()));
            }
        });
        IdComparison onActions = IdComparison.of(delivered, published);

        List<Figure> figures = new ArrayList<>(List.of(
                new Figure("members with a birthday in 3 days", plan.members(), null),
                new Figure("kills of the firing server", kills, 1L),
                new Figure("members with a birthday gift", perMember.size(), (long) plan.members()),
                new Figure("members with two gifts for one year", twice, 0L),
                new Figure("years the gifts are for", periods, 1L)));
        figures.addAll(onActions.figures("campaign-actions (birthday)"));
        if (perMember.size() != plan.members()) {
            failures.add((plan.members() - perMember.size()) + " members got no birthday gift");
        }
        if (twice > 0) {
            failures.add(twice + " members got two birthday gifts for one year");
        }
        failures.addAll(onActions.failures("campaign-actions (birthday)"));
        return new ScenarioResult(NAME, figures, failures);
    }

    /** The members, registered 40 days before {@code day} with a birthday 3 days after it (silver: gift from 5 days before). */
    private static void register(ChaosStack stack, String prefix, int members, LocalDate day) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        LocalDate birthday = day.plusDays(3).withYear(1990);
        long at = day.minusDays(40).atTime(8, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int m = 0; m < members; m++) {
                String member = prefix + "m" + m;
                String json = "{\"eventId\":\"" + prefix + "r" + m + "\",\"memberId\":\"" + member + "\",\"type\":\"REGISTERED\","
                        + "\"occurredAt\":\"" + java.time.Instant.ofEpochMilli(at) + "\",\"profile\":{\"birthday\":\"" + birthday
                        + "\",\"timeZone\":\"Asia/Shanghai\",\"tier\":\"silver\"}}";
                producer.send(new ProducerRecord<>(Topics.MEMBER_EVENTS.name(), null, at, member.getBytes(StandardCharsets.UTF_8),
                        json.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    /** POST /api/v1/jobs/birthday/run for {@code day}: a one-off trigger in the clustered store, fired by any server. */
    private static void runJob(ServerProcess server, LocalDate day) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/api/v1/jobs/" + JOB + "/run")).header("Authorization", "Bearer " + ServerCluster.ADMIN_KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"date\":\"" + day + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 202) {
                throw new IllegalStateException("running the job on " + server.instanceId() + ": " + r.statusCode() + " " + r.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("running the job on " + server.instanceId() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<ServerProcess, Long> logSizes(ServerCluster cluster) {
        Map<ServerProcess, Long> sizes = new HashMap<>();
        for (ServerProcess s : cluster.servers()) {
            sizes.put(s, size(s));
        }
        return sizes;
    }

    /** The server whose log, past where it was, says it wrote the tick of {@code day}. */
    private static ServerProcess awaitFiring(ServerCluster cluster, Map<ServerProcess, Long> from, LocalDate day, Duration timeout) {
        String line = "tick " + JOB + " " + day + " written";
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ServerProcess s : cluster.servers()) {
                if (logSince(s, from.get(s)).contains(line)) {
                    return s;
                }
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        return null;
    }

    /**
     * Waits until every task's sweep of the day is committed done. The sweep walks every member in
     * the engine's state in key order, other scenarios' members too (those of kill -9 come first), so
     * the gifts may not begin for minutes; judging them before the sweep ends found none at all.
     */
    private static void awaitSweepDone(ChaosStack stack, ActionCensus census, LocalDate day, Duration timeout,
            List<String> failures) {
        try {
            CommittedSweep.await(stack.bootstrapServers(), Settled.ENGINE_GROUP, JOB, day,
                    census.partitions(Topics.MEMBER_EVENTS.name()), timeout);
        } catch (IllegalStateException e) {
            failures.add(e.getMessage());
        }
    }

    /** The birthday gifts of the members, once the sweep is done: as many as members, or no longer growing. */
    private static List<ActionCensus.LoggedRow> awaitGifts(ActionCensus census, String prefix, int members, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = -1;
        long unchangedSince = System.nanoTime();
        List<ActionCensus.LoggedRow> gifts = List.of();
        while (System.nanoTime() < deadline) {
            gifts = census.actionLog(prefix, JOB);
            if (gifts.size() != last) {
                last = gifts.size();
                unchangedSince = System.nanoTime();
            } else if (gifts.size() >= members || System.nanoTime() - unchangedSince > Duration.ofSeconds(45).toNanos()) {
                LockSupport.parkNanos(Duration.ofSeconds(3).toNanos()); // campaign-actions follows the log's commit
                return census.actionLog(prefix, JOB);
            }
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
        }
        return gifts;
    }

    private static long size(ServerProcess s) {
        try {
            return Files.exists(s.log()) ? Files.size(s.log()) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String logSince(ServerProcess s, long offset) {
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(s.log().toFile(), "r")) {
            long length = f.length();
            if (offset >= length) {
                return "";
            }
            byte[] tail = new byte[(int) Math.min(length - offset, 16 * 1024 * 1024)];
            f.seek(offset);
            f.readFully(tail);
            return new String(tail, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
