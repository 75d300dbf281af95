package org.memberflow.bench.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.memberflow.bench.chaos.ScenarioResult.Figure;
import org.memberflow.engine.Engine;
import org.memberflow.engine.Topics;
import org.memberflow.engine.topology.DeadLetterHeaders;

/**
 * 1% malformed records on {@code member-events}, straight to the broker: bad JSON, an unknown
 * type, a null key, the largest record the topic accepts, invalid UTF-8, in turn among good
 * events. Promises: the engine stays RUNNING (no stream thread dies), every malformed record
 * reaches {@code member-events-dlq} with its reason, and every good event is counted.
 */
public final class MalformedRecordsScenario {
    static final String RUN_HEADER = "chaos-run";
    static final String KIND_HEADER = "chaos-kind";
    private static final int EVENTS_PER_MEMBER = 5;

    private MalformedRecordsScenario() {
    }

    /** {@code records} records, one in a hundred malformed, on a running server. */
    public static ScenarioResult run(ChaosServer server, int records) {
        String run = "mal-" + UUID.randomUUID().toString().substring(0, 8);
        String bootstrap = server.bootstrapServers();
        Engine engine = server.engine();
        int maxMessage = TopicLimits.maxMessageBytes(bootstrap, Topics.MEMBER_EVENTS.name());
        String bigKey = run + "-big";
        int largestValue = TopicLimits.largestValue(maxMessage, bigKey.length() + headerBytes(run, MalformedKind.LARGEST_RECORD));

        int malformed = records / 100;
        int good = records - malformed;
        int members = Math.max(1, good / EVENTS_PER_MEMBER);
        Map<MalformedKind, Long> sent = new EnumMap<>(MalformedKind.class);
        List<String> failures = new ArrayList<>();
        // A server just started may still be assigning its tasks: the promise starts once it runs.
        if (!Waiting.until(Duration.ofMinutes(2), () -> engine.state() == KafkaStreams.State.RUNNING)) {
            failures.add("the engine was not RUNNING before the scenario began, but " + engine.state());
        }
        long failedThreadsBefore = engine.failedThreads();
        AtomicLong notRunning = new AtomicLong();
        AtomicLong samples = new AtomicLong();
        Set<String> statesSeen = ConcurrentHashMap.newKeySet();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            samples.incrementAndGet();
            KafkaStreams.State state = engine.state();
            if (state != KafkaStreams.State.RUNNING) {
                notRunning.incrementAndGet();
                statesSeen.add(state.name());
            }
        }, 0, 20, TimeUnit.MILLISECONDS);

        AtomicReference<Exception> sendFailure = new AtomicReference<>();
        try {
            try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap, maxMessage)) {
                int g = 0;
                int m = 0;
                for (int i = 0; i < records; i++) {
                    ProducerRecord<byte[], byte[]> record;
                    if (i % 100 == 99 && m < malformed) {
                        MalformedKind kind = MalformedKind.values()[m % MalformedKind.values().length];
                        String member = kind == MalformedKind.LARGEST_RECORD ? bigKey : run + "-" + (m % members);
                        record = new ProducerRecord<>(Topics.MEMBER_EVENTS.name(), null, kind.key(member),
                                kind.value(run + "-bad-" + m, member, largestValue), headers(run, kind));
                        sent.merge(kind, 1L, Long::sum);
                        m++;
                    } else {
                        record = good(run, g++, members);
                    }
                    producer.send(record, (meta, e) -> {
                        if (e != null) {
                            sendFailure.compareAndSet(null, e);
                        }
                    });
                }
                producer.flush();
                good = g;
                malformed = m;
            }
            if (sendFailure.get() != null) {
                failures.add("the broker refused a record: " + sendFailure.get());
            }

            long sentAt = System.nanoTime();
            Duration limit = Duration.ofSeconds(120 + records / 2000);
            int expectedGood = good;
            int expectedMembers = Math.min(members, good);
            Counts counts = new Counts(server, run);
            boolean caughtUp = Waiting.until(limit, () -> counts.refresh().events == expectedGood
                    && counts.welcomes == expectedMembers);
            if (!caughtUp) {
                failures.add("good events not all counted within " + limit.toSeconds() + " s");
            }
            DeadLetters dlq = DeadLetters.read(bootstrap, run);
            int expectedMalformed = malformed;
            if (dlq.total() < expectedMalformed) {
                // The DLQ is written in the engine's transactions: give the last ones their commit.
                Waiting.until(Duration.ofSeconds(30), () -> DeadLetters.read(bootstrap, run).total() >= expectedMalformed);
                dlq = DeadLetters.read(bootstrap, run);
            }
            long caughtUpSeconds = (System.nanoTime() - sentAt) / 1_000_000_000L;
            sampler.shutdownNow();
            if (!statesSeen.isEmpty()) {
                failures.add("the engine was seen " + statesSeen + " while the records were processed");
            }

            List<Figure> figures = new ArrayList<>();
            figures.add(new Figure("records sent", records, null));
            figures.add(new Figure("good events sent", good, null));
            figures.add(new Figure("malformed records sent", malformed, null));
            figures.add(new Figure("largest record, bytes of value", largestValue, null));
            figures.add(new Figure("malformed records in the DLQ with a reason", dlq.withReason(), (long) malformed));
            for (MalformedKind kind : MalformedKind.values()) {
                figures.add(new Figure("  of them " + kind.name().toLowerCase().replace('_', ' '),
                        dlq.byKind().getOrDefault(kind, 0L), sent.getOrDefault(kind, 0L)));
            }
            figures.add(new Figure("good events in the DLQ", dlq.good(), 0L));
            figures.add(new Figure("good events counted (members' event counts)", counts.events, (long) good));
            figures.add(new Figure("members in the read model", counts.members, (long) expectedMembers));
            figures.add(new Figure("welcome coupons in the action log", counts.welcomes, (long) expectedMembers));
            figures.add(new Figure("engine samples not RUNNING (of " + samples.get() + ")", notRunning.get(), 0L));
            figures.add(new Figure("stream threads died", engine.failedThreads() - failedThreadsBefore, 0L));
            figures.add(new Figure("seconds from the last send to all counted", caughtUpSeconds, null));
            figures.stream().filter(f -> !f.ok()).forEach(f -> failures.add(
                    f.name().trim() + ": " + f.value() + ", not " + f.expected()));
            return new ScenarioResult("malformed records, 1%", figures, failures);
        } finally {
            sampler.shutdownNow();
        }
    }

    private static ProducerRecord<byte[], byte[]> good(String run, int g, int members) {
        String member = run + "-" + (g % members);
        int nth = g / members;
        String eventId = run + "-e" + g;
        String json = nth == 0 ? GoodEvents.registered(eventId, member)
                : GoodEvents.purchase(eventId, member, run + "-o" + g);
        return new ProducerRecord<>(Topics.MEMBER_EVENTS.name(), null, member.getBytes(StandardCharsets.UTF_8),
                json.getBytes(StandardCharsets.UTF_8), headers(run, null));
    }

    private static RecordHeaders headers(String run, MalformedKind kind) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(RUN_HEADER, run.getBytes(StandardCharsets.UTF_8));
        if (kind != null) {
            headers.add(KIND_HEADER, kind.name().getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static int headerBytes(String run, MalformedKind kind) {
        int bytes = 0;
        for (Header h : headers(run, kind)) {
            bytes += h.key().length() + h.value().length;
        }
        return bytes;
    }

    /** Uncompressed, so that the broker judges the record's own size; room for the largest record. */
    private static KafkaProducer<byte[], byte[]> producer(String bootstrap, int maxMessage) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * maxMessage);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p);
    }

    /** What the run's good events produced in MySQL. */
    private static final class Counts {
        private final ChaosServer server;
        private final String like;
        long events;
        long members;
        long welcomes;

        Counts(ChaosServer server, String run) {
            this.server = server;
            this.like = run + "-%";
        }

        Counts refresh() {
            Map<String, Object> row = server.jdbc().queryForMap(
                    "SELECT COUNT(*) AS n, COALESCE(SUM(event_count), 0) AS events FROM member WHERE member_id LIKE ?", like);
            members = ((Number) row.get("n")).longValue();
            events = ((Number) row.get("events")).longValue();
            welcomes = server.jdbc().queryForObject("SELECT COUNT(*) FROM campaign_action WHERE campaign_id = 'welcome'"
                    + " AND member_id LIKE ?", Long.class, like);
            return this;
        }
    }

    /** The run's records on member-events-dlq, by the kind their producer gave them. */
    private record DeadLetters(Map<MalformedKind, Long> byKind, long withReason, long good) {
        static DeadLetters read(String bootstrap, String run) {
            Map<MalformedKind, Long> byKind = new EnumMap<>(MalformedKind.class);
            long[] withReason = {0};
            long[] good = {0};
            TopicScan.forEach(bootstrap, Topics.MEMBER_EVENTS_DLQ.name(), (ConsumerRecord<byte[], byte[]> r) -> {
                Header runHeader = r.headers().lastHeader(RUN_HEADER);
                if (runHeader == null || !run.equals(new String(runHeader.value(), StandardCharsets.UTF_8))) {
                    return;
                }
                Header kind = r.headers().lastHeader(KIND_HEADER);
                if (kind == null) {
                    good[0]++;
                    return;
                }
                byKind.merge(MalformedKind.valueOf(new String(kind.value(), StandardCharsets.UTF_8)), 1L, Long::sum);
                Header reason = r.headers().lastHeader(DeadLetterHeaders.REASON);
                if (reason != null && reason.value().length > 0) {
                    withReason[0]++;
                }
            });
            return new DeadLetters(byKind, withReason[0], good[0]);
        }

        long total() {
            return byKind.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
