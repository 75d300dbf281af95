package org.memberflow.api.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberflow.api.support.EngineBroker;
import org.memberflow.api.support.KafkaTestClient;
import org.memberflow.engine.Engine;
import org.memberflow.engine.EngineSettings;
import org.memberflow.engine.Topics;
import org.memberflow.engine.clock.ClockMode;
import org.memberflow.engine.clock.TickRecord;
import org.memberflow.engine.segment.MemberSnapshot;
import org.memberflow.engine.topology.EngineOptions;
import org.memberflow.engine.topology.SweepCursor;
import org.memberflow.rules.session.BuiltInRuleSet;
import org.memberflow.rules.session.RuleRunner;

/**
 * Replays a generated year of history through the engine with clock = event time, sweeps the
 * members as of the day after the year, and compares the eight-class counts with a computation
 * written here from the generated data alone (not with the production code). Members: the
 * system property memberflow.replay.members (2,000 in the suite; the acceptance run uses 10,000).
 */
class YearReplayTest {
    private static final int MEMBERS = Integer.getInteger("memberflow.replay.members", 2_000);
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    private static final int WINDOW = 365;
    // the configured default means: 120 days, 3 purchases, 600 yuan
    private static final double MEAN_R = 120;
    private static final double MEAN_F = 3;
    private static final double MEAN_M_FEN = 60_000;

    private final EngineBroker broker = EngineBroker.get();
    private final KafkaTestClient kafka = new KafkaTestClient(broker.bootstrapServers());
    private Engine engine;

    @TempDir
    Path stateDir;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        kafka.truncate(Topics.ENGINE_CLOCK.name());
        kafka.close();
    }

    @Test
    void shouldClassAReplayedYearAsAnIndependentComputationDoes() {
        String prefix = "year-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        GeneratedYear year = new GeneratedYear(prefix, MEMBERS, 20261124L);
        for (GeneratedYear.Event e : year.events) {
            kafka.sendAsync(Topics.MEMBER_EVENTS.name(), e.memberId(), e.json(), e.at().toEpochMilli());
        }
        kafka.flush();

        EngineSettings settings = new EngineSettings(broker.bootstrapServers(), "replay-" + prefix, stateDir, 1, 1,
                Duration.ofMillis(100), Map.of());
        engine = new Engine(settings, new RuleRunner(BuiltInRuleSet.compile(), 100),
                EngineOptions.defaults().withClockMode(ClockMode.EVENT), Clock.systemUTC());
        engine.start();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2))
                .until(() -> latestSnapshots(prefix).size() == MEMBERS);

        long tickTime = AS_OF.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli() + 86_400_000L;
        for (int p = 0; p < EngineBroker.PARTITIONS; p++) {
            kafka.send(Topics.ENGINE_CLOCK.name(), p, "rfm", Topics.ENGINE_CLOCK.valueSerde().serializer()
                    .serialize(null, new TickRecord("rfm", AS_OF)), tickTime);
        }
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1))
                .until(() -> engine.sweeps().stream().filter(c -> c.date().equals(AS_OF) && c.done())
                        .mapToLong(SweepCursor::members).sum() == MEMBERS);

        // A sweep sends a snapshot only when it changed in more than the day count; the class of
        // every member is then the one of its latest snapshot (once the sweep's last commit is in).
        Map<String, Integer> expected = independentCounts(year);
        assertThat(expected.keySet()).hasSizeGreaterThanOrEqualTo(6); // the generated year spans most classes
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(classCounts(prefix)).isEqualTo(expected));
        System.out.printf("replayed %d events of %d members: engine %s, independent %s%n", year.events.size(), MEMBERS,
                classCounts(prefix), expected);
    }

    private Map<String, Integer> classCounts(String prefix) {
        Map<String, Integer> counts = new TreeMap<>();
        latestSnapshots(prefix).values().forEach(s -> counts.merge(s.rfmClass(), 1, Integer::sum));
        return counts;
    }

    private Map<String, MemberSnapshot> latestSnapshots(String prefix) {
        Map<String, MemberSnapshot> latest = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : kafka.readAll(Topics.MEMBER_SNAPSHOTS.name())) {
            String key = new String(r.key(), StandardCharsets.UTF_8);
            if (key.startsWith(prefix)) {
                latest.put(key, Topics.MEMBER_SNAPSHOTS.valueSerde().deserializer().deserialize(null, r.value()));
            }
        }
        return latest;
    }

    /** R, F, M and the class of every member as of AS_OF, from the generated orders alone. */
    private static Map<String, Integer> independentCounts(GeneratedYear year) {
        Map<String, Integer> counts = new TreeMap<>();
        LocalDate first = AS_OF.minusDays(WINDOW - 1);
        for (GeneratedYear.Member m : year.members) {
            int frequency = 0;
            long monetary = 0;
            LocalDate last = null;
            for (GeneratedYear.Order o : m.orders()) {
                LocalDate day = o.at().atZone(m.zone()).toLocalDate();
                if (day.isBefore(first) || day.isAfter(AS_OF)) {
                    continue;
                }
                monetary += o.fen() - o.refundedFen();
                if (o.refundedFen() < o.fen()) {
                    frequency++;
                    if (last == null || day.isAfter(last)) {
                        last = day;
                    }
                }
            }
            String cls;
            if (frequency == 0) {
                cls = "prospect";
            } else {
                long recency = ChronoUnit.DAYS.between(last, AS_OF);
                boolean r = recency < MEAN_R;
                boolean f = frequency > MEAN_F;
                boolean mHigh = monetary > MEAN_M_FEN;
                cls = (mHigh ? "important-" : "general-") + (r ? (f ? "value" : "develop") : (f ? "keep" : "retain"));
            }
            counts.merge(cls, 1, Integer::sum);
        }
        return counts;
    }
}
