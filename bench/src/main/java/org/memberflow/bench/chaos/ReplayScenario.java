package org.memberflow.bench.chaos;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.memberflow.bench.chaos.ScenarioResult.Figure;
import org.memberflow.engine.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * After a history of events has been decided and delivered, a second engine under a fresh
 * application id replays {@code member-events} from offset 0 and decides it all again. Promises:
 * no new row in the action log, no budget spent twice, no action published again on
 * {@code campaign-actions} nor POSTed again to a webhook.
 */
public final class ReplayScenario {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern WEBHOOK_ID = Pattern.compile("\"webhookId\":(\\d+)");
    private static final int EVENTS_PER_MEMBER = 4;

    private ReplayScenario() {
    }

    public static ScenarioResult run(ChaosServer server, int members) {
        String run = "rep-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> failures = new ArrayList<>();
        String bootstrap = server.bootstrapServers();
        try (WebhookReceiver receiver = new WebhookReceiver(); ConsumerLag lag = new ConsumerLag(bootstrap)) {
            long webhookId = createWebhook(server, receiver.url());
            try {
                sendHistory(bootstrap, run, members);
                Duration limit = Duration.ofSeconds(120 + members / 100);
                // Decided, settled and POSTed: every delivered action of the run reached the webhook.
                if (!Waiting.until(limit, () -> count(server, "SELECT COUNT(*) FROM campaign_action WHERE campaign_id ="
                        + " 'welcome' AND member_id LIKE ?", run + "-%") == members
                        && receiver.received(deliveredIds(server, run)) == deliveredIds(server, run).size())) {
                    failures.add("the history was not decided and delivered within " + limit.toSeconds() + " s");
                }
                State before = State.read(server, bootstrap);

                String applicationId = "memberflow-replay-" + run;
                Map<TopicPartition, Long> inputEnds = TopicScan.afterLastRecords(bootstrap,
                        List.of(Topics.MEMBER_EVENTS.name(), Topics.ENGINE_CLOCK.name()));
                long replaySeconds;
                try (ReplayEngine replay = new ReplayEngine(server, applicationId)) {
                    long t0 = System.nanoTime();
                    Duration replayLimit = Duration.ofSeconds(180 + ConsumerLag.total(inputEnds) / 500);
                    if (!Waiting.until(replayLimit, () -> replay.engine().state() == KafkaStreams.State.RUNNING
                            && lag.behind(applicationId, inputEnds) == 0)) {
                        failures.add("the replay did not reach the end of member-events within " + replayLimit.toSeconds()
                                + " s (" + lag.behind(applicationId, inputEnds) + " records behind)");
                    }
                    replaySeconds = (System.nanoTime() - t0) / 1_000_000_000L;
                }
                // The delivery stage settles what the replay decided, and the webhook poller runs after it.
                Map<TopicPartition, Long> decisionEnds = TopicScan.afterLastRecords(bootstrap,
                        List.of(Topics.CAMPAIGN_DECISIONS.name()));
                if (!Waiting.until(limit, () -> lag.behind("memberflow-delivery", decisionEnds) == 0)) {
                    failures.add("the delivery stage did not settle the replayed decisions within " + limit.toSeconds() + " s");
                }
                Waiting.pause(Duration.ofSeconds(3));
                State after = State.read(server, bootstrap);

                List<Figure> figures = new ArrayList<>();
                figures.add(new Figure("members in the history", members, null));
                figures.add(new Figure("offsets replayed (all of member-events and engine-clock)", ConsumerLag.total(inputEnds), null));
                figures.add(new Figure("seconds the replay took", replaySeconds, null));
                figures.add(new Figure("decisions the replay made again", after.decisions - before.decisions, null));
                figures.add(new Figure("new rows in the action log", after.actionRows - before.actionRows, 0L));
                figures.add(new Figure("budget count spent again", after.spentCount - before.spentCount, 0L));
                figures.add(new Figure("budget value spent again, fen", after.spentFen - before.spentFen, 0L));
                figures.add(new Figure("webhook deliveries queued again", after.webhookRows - before.webhookRows, 0L));
                figures.add(new Figure("actions published again on campaign-actions", after.published - before.published, 0L));
                figures.add(new Figure("action ids on campaign-actions more than once", after.publishedTwice, 0L));
                figures.add(new Figure("action ids POSTed to the webhook more than once", receiver.repeated(), 0L));
                if (after.decisions == before.decisions) {
                    failures.add("the replay decided nothing: the scenario proved nothing");
                }
                figures.stream().filter(f -> !f.ok()).forEach(f -> failures.add(f.name() + ": " + f.value() + ", not "
                        + f.expected()));
                return new ScenarioResult("replay under a fresh application id", figures, failures);
            } finally {
                server.send(HttpRequest.newBuilder(server.uri("/api/v1/webhooks/" + webhookId)).DELETE());
            }
        }
    }

    /** What the stores and topics hold, to compare before and after the replay. */
    private record State(long actionRows, long spentCount, long spentFen, long webhookRows, long decisions,
            long published, long publishedTwice) {
        static State read(ChaosServer server, String bootstrap) {
            Map<String, Object> spent = server.jdbc().queryForMap("SELECT COALESCE(SUM(spent_count), 0) AS n,"
                    + " COALESCE(SUM(spent_value), 0) AS v FROM campaign");
            Map<String, Integer> timesPublished = new HashMap<>();
            long[] published = {0};
            TopicScan.forEach(bootstrap, Topics.CAMPAIGN_ACTIONS.name(), r -> {
                published[0]++;
                JsonNode action = JSON.readTree(r.value());
                timesPublished.merge(action.get("actionId").asString(), 1, Integer::sum);
            });
            return new State(count(server, "SELECT COUNT(*) FROM campaign_action"),
                    ((Number) spent.get("n")).longValue(),
                    new java.math.BigDecimal(spent.get("v").toString()).movePointRight(2).longValue(),
                    count(server, "SELECT COUNT(*) FROM webhook_delivery"),
                    records(bootstrap, Topics.CAMPAIGN_DECISIONS.name()),
                    published[0], timesPublished.values().stream().filter(n -> n > 1).count());
        }
    }

    private static long records(String bootstrap, String topic) {
        long[] n = {0};
        TopicScan.forEach(bootstrap, topic, r -> n[0]++);
        return n[0];
    }

    private static long count(ChaosServer server, String sql, Object... args) {
        return server.jdbc().queryForObject(sql, Long.class, args);
    }

    private static List<String> deliveredIds(ChaosServer server, String run) {
        return server.jdbc().queryForList("SELECT action_id FROM campaign_action WHERE outcome = 'DELIVERED'"
                + " AND member_id LIKE ?", String.class, run + "-%");
    }

    private static long createWebhook(ChaosServer server, String url) {
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.uri("/api/v1/webhooks"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\"}")));
        Matcher m = WEBHOOK_ID.matcher(r.body());
        if (r.statusCode() != 201 || !m.find()) {
            throw new IllegalStateException("creating the webhook: " + r.statusCode() + " " + r.body());
        }
        return Long.parseLong(m.group(1));
    }

    /** Each member registers, then buys: a welcome coupon each, and whatever the purchases earn. */
    private static void sendHistory(String bootstrap, String run, int members) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            for (int n = 0; n < members * EVENTS_PER_MEMBER; n++) {
                String member = run + "-" + (n % members);
                String eventId = run + "-e" + n;
                String json = n < members ? GoodEvents.registered(eventId, member)
                        : GoodEvents.purchase(eventId, member, run + "-o" + n);
                producer.send(new ProducerRecord<>(Topics.MEMBER_EVENTS.name(), member.getBytes(StandardCharsets.UTF_8),
                        json.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }
}
