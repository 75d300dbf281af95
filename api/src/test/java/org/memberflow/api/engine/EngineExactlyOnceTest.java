package org.memberflow.api.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberflow.api.support.EngineBroker;
import org.memberflow.api.support.KafkaTestClient;
import org.memberflow.engine.Engine;
import org.memberflow.engine.EngineSettings;
import org.memberflow.engine.Topics;
import org.memberflow.engine.action.CampaignAction;
import org.memberflow.engine.clock.ClockMode;
import org.memberflow.engine.clock.TickRecord;
import org.memberflow.engine.topology.EngineOptions;
import org.memberflow.rules.fact.MemberEvent;
import org.memberflow.rules.fact.MemberView;
import org.memberflow.rules.fact.Tick;
import org.memberflow.rules.session.BuiltInRuleSet;
import org.memberflow.rules.session.RuleRunner;
import org.memberflow.rules.session.Rules;

/**
 * Exactly-once on a real broker: a processor that fails in the middle of a batch, an instance
 * closed mid-batch and restarted (with and without its local state), and a replay from offset 0
 * under a fresh application id each leave exactly one action per (campaign, member, period).
 */
class EngineExactlyOnceTest {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private final EngineBroker broker = EngineBroker.get();
    private final KafkaTestClient kafka = new KafkaTestClient(broker.bootstrapServers());
    private final List<Engine> engines = new ArrayList<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path stateDirs;

    @AfterEach
    void stop() {
        engines.forEach(Engine::close);
        kafka.truncate(Topics.ENGINE_CLOCK.name()); // engines started later must not run this test's ticks
        kafka.close();
    }

    private Engine start(String applicationId, Path stateDir, Rules rules) {
        // Event time: today is the event's day, so the expected actions do not depend on the date the test runs
        return start(applicationId, stateDir, rules, EngineOptions.defaults().withClockMode(ClockMode.EVENT));
    }

    private Engine start(String applicationId, Path stateDir, Rules rules, EngineOptions options) {
        EngineSettings settings = new EngineSettings(broker.bootstrapServers(), applicationId, stateDir, 1, 1,
                Duration.ofMillis(100), Map.of());
        Engine engine = new Engine(settings, rules, options, Clock.systemUTC());
        engines.add(engine);
        engine.start();
        return engine;
    }

    private void sendRegistrationsAndPurchases(String prefix, int members, String crashingMember) {
        sendRegistrationsAndPurchases(prefix, 0, members, crashingMember);
    }

    private void sendRegistrationsAndPurchases(String prefix, int from, int to, String crashingMember) {
        long ts = System.currentTimeMillis();
        for (int i = from; i < to; i++) {
            String member = prefix + i;
            String id = member.equals(crashingMember) ? "crash-" + member : "reg-" + member;
            kafka.sendAsync(Topics.MEMBER_EVENTS.name(), member, "{\"eventId\":\"" + id + "\",\"memberId\":\"" + member
                    + "\",\"type\":\"REGISTERED\",\"occurredAt\":\"2026-05-20T08:00:00Z\"}", ts);
            kafka.sendAsync(Topics.MEMBER_EVENTS.name(), member, "{\"eventId\":\"buy-" + member + "\",\"memberId\":\""
                    + member + "\",\"type\":\"PURCHASE\",\"occurredAt\":\"2026-05-21T08:00:00Z\",\"orderId\":\"o-" + member
                    + "\",\"amount\":99.50}", ts);
        }
        kafka.flush();
    }

    private List<CampaignAction> actionsFor(String prefix) {
        List<CampaignAction> actions = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : kafka.readAll(Topics.CAMPAIGN_DECISIONS.name())) {
            String key = new String(r.key(), StandardCharsets.UTF_8);
            if (key.startsWith(prefix)) {
                actions.add(Topics.CAMPAIGN_DECISIONS.valueSerde().deserializer().deserialize(null, r.value()));
            }
        }
        return actions;
    }

    private static Map<String, Long> countById(List<CampaignAction> actions) {
        return actions.stream().collect(Collectors.groupingBy(CampaignAction::actionId, Collectors.counting()));
    }

    @Test
    void shouldNeitherLoseNorRepeatAnActionWhenTheProcessorFailsMidBatch() throws Exception {
        String prefix = "eos-crash-" + run + "-";
        int members = 300;
        Rules rules = new CrashOnce(new RuleRunner(BuiltInRuleSet.compile(), 100), facts -> facts.stream()
                .anyMatch(f -> f instanceof MemberEvent e && e.getEventId().startsWith("crash-")));
        CrashOnce.arm();
        sendRegistrationsAndPurchases(prefix, members, prefix + (members / 2));

        Engine engine = start("eos-crash-" + run, stateDirs.resolve("a"), rules);

        // welcome on registration + a class-change tag on the first purchase, per member
        await().atMost(WAIT).until(() -> countById(actionsFor(prefix)).size() >= 2 * members);
        assertThat(CrashOnce.crashes()).isEqualTo(1);
        assertThat(engine.state()).isIn(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);
        engine.close();
        List<CampaignAction> actions = actionsFor(prefix);
        assertThat(actions).hasSize(2 * members);
        assertThat(countById(actions).values()).containsOnly(1L);
    }

    @Test
    void shouldNeitherLoseNorRepeatAnActionAcrossARestartMidBatchOrAReplayFromOffsetZero() throws Exception {
        String prefix = "eos-restart-" + run + "-";
        int members = 1500;
        RuleRunner rules = new RuleRunner(BuiltInRuleSet.compile(), 100);
        sendRegistrationsAndPurchases(prefix, 0, members / 2, null);

        String applicationId = "eos-restart-" + run;
        Engine first = start(applicationId, stateDirs.resolve("first"), rules);
        await().atMost(WAIT).until(() -> !actionsFor(prefix).isEmpty());
        first.close(); // while it works through the first half; the second half comes after
        int doneByFirst = actionsFor(prefix).size();
        sendRegistrationsAndPurchases(prefix, members / 2, members, null);

        // the same application again, without the first instance's local state: it restores
        // member-state from its changelog and carries on from the committed offsets
        Engine second = start(applicationId, stateDirs.resolve("second"), rules);
        await().atMost(WAIT).until(() -> countById(actionsFor(prefix)).size() >= 2 * members);
        second.close();
        List<CampaignAction> actions = actionsFor(prefix);
        assertThat(doneByFirst).isLessThan(2 * members);
        assertThat(actions).hasSize(2 * members);
        assertThat(countById(actions).values()).containsOnly(1L);

        // a fresh application id replays member-events from offset 0: the same decisions, the same ids
        Engine replay = start("eos-replay-" + run, stateDirs.resolve("replay"), rules);
        await().atMost(WAIT).until(() -> actionsFor(prefix).size() >= 4 * members);
        replay.close();
        Map<String, Long> counts = countById(actionsFor(prefix));
        assertThat(counts).hasSize(2 * members);
        assertThat(counts.values()).containsOnly(2L);
        assertThat(counts.keySet()).isEqualTo(countById(actions).keySet());
    }

    @Test
    void shouldResumeASweepWhereItStoppedAfterACrashAndActOncePerMember() throws Exception {
        String prefix = "eos-sweep-" + run + "-";
        int members = 600;
        String crashing = prefix + (members / 2);
        Rules rules = new CrashOnce(new RuleRunner(BuiltInRuleSet.compile(), 100),
                facts -> facts.stream().anyMatch(f -> f instanceof Tick)
                        && facts.stream().anyMatch(f -> f instanceof MemberView v && v.getMemberId().equals(crashing)));
        sendRegistrationsAndPurchases(prefix, members, null); // purchases on 2026-05-21
        Engine engine = start("eos-sweep-" + run, stateDirs.resolve("sweep"), rules,
                EngineOptions.defaults().withClockMode(ClockMode.EVENT).withSweepChunk(50));
        await().atMost(WAIT).until(() -> actionsFor(prefix).size() >= 2 * members); // welcome + class change

        CrashOnce.arm();
        int crashesBefore = CrashOnce.crashes();
        byte[] tick = Topics.ENGINE_CLOCK.valueSerde().serializer()
                .serialize(null, new TickRecord("inactivity", LocalDate.of(2026, 7, 1)));
        for (int p = 0; p < EngineBroker.PARTITIONS; p++) {
            kafka.send(Topics.ENGINE_CLOCK.name(), p, "inactivity", tick, System.currentTimeMillis());
        }
        await().atMost(WAIT).until(() -> actionsFor(prefix).stream()
                .filter(a -> a.campaignId().equals("churn-recall")).count() >= members);
        engine.close();

        List<CampaignAction> recalls = actionsFor(prefix).stream()
                .filter(a -> a.campaignId().equals("churn-recall")).toList();
        assertThat(CrashOnce.crashes()).isEqualTo(crashesBefore + 1);
        assertThat(recalls).hasSize(members);
        assertThat(countById(recalls).values()).containsOnly(1L);
        assertThat(recalls).extracting(CampaignAction::periodKey).containsOnly("2026-05-21");
    }
}
