package org.memberflow.engine.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.memberflow.engine.Topics;
import org.memberflow.engine.action.CampaignAction;
import org.memberflow.engine.clock.TickRecord;
import org.memberflow.engine.member.MemberState;
import org.memberflow.engine.segment.BreakpointsRecord;
import org.memberflow.engine.segment.MemberSnapshot;
import org.memberflow.engine.segment.SegmentChange;
import org.memberflow.engine.topology.EngineOptions;
import org.memberflow.engine.topology.EngineStores;
import org.memberflow.engine.topology.EngineTopology;
import org.memberflow.engine.topology.SweepCursor;
import org.memberflow.rules.session.BuiltInRuleSet;
import org.memberflow.rules.session.RuleRunner;
import org.memberflow.rules.session.Rules;
import org.memberflow.segments.Breakpoints;

/** The engine topology in a TopologyTestDriver, with helpers for events, ticks and outputs. */
public final class EngineDriver implements AutoCloseable {
    private static RuleRunner builtIn;

    public final MutableClock clock;
    private final TopologyTestDriver driver;
    private final TestInputTopic<byte[], byte[]> events;
    private final TestInputTopic<String, TickRecord> ticks;
    private final TestInputTopic<String, BreakpointsRecord> breakpoints;
    public final TestOutputTopic<String, CampaignAction> actions;
    public final TestOutputTopic<String, SegmentChange> segments;
    public final TestOutputTopic<String, MemberSnapshot> snapshots;
    public final TestOutputTopic<byte[], byte[]> deadLetters;
    /** What member-state writes to its changelog: one record per state written back. */
    private final TestOutputTopic<String, byte[]> stateWrites;

    public EngineDriver(EngineOptions options, Instant start) {
        this(options, start, builtIn());
    }

    public EngineDriver(EngineOptions options, Instant start, Rules rules) {
        clock = new MutableClock(start);
        StreamsBuilder builder = EngineTopology.build(new StreamsBuilder(), rules, options, clock);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "engine-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), props, start);
        events = driver.createInputTopic(Topics.MEMBER_EVENTS.name(), Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer());
        ticks = driver.createInputTopic(Topics.ENGINE_CLOCK.name(), Serdes.String().serializer(),
                Topics.ENGINE_CLOCK.valueSerde().serializer());
        breakpoints = driver.createInputTopic(Topics.RFM_BREAKPOINTS.name(), Serdes.String().serializer(),
                Topics.RFM_BREAKPOINTS.valueSerde().serializer());
        actions = output(Topics.CAMPAIGN_DECISIONS);
        segments = output(Topics.MEMBER_SEGMENTS);
        snapshots = output(Topics.MEMBER_SNAPSHOTS);
        deadLetters = driver.createOutputTopic(Topics.MEMBER_EVENTS_DLQ.name(), Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer());
        stateWrites = driver.createOutputTopic("engine-test-" + EngineStores.MEMBER_STATE + "-changelog",
                Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
    }

    public static synchronized RuleRunner builtIn() {
        if (builtIn == null) {
            builtIn = new RuleRunner(BuiltInRuleSet.compile(), 100);
        }
        return builtIn;
    }

    private <V> TestOutputTopic<String, V> output(Topics.Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), Serdes.String().deserializer(), topic.valueSerde().deserializer());
    }

    public void send(String key, String json) {
        events.pipeInput(key == null ? null : key.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8));
    }

    public void send(String json) {
        String memberId = json.replaceAll(".*\"memberId\":\"([^\"]+)\".*", "$1");
        send(memberId, json);
    }

    public void sendRaw(byte[] key, byte[] value) {
        events.pipeInput(key, value);
    }

    public void sendRaw(byte[] key, byte[] value, Headers headers) {
        events.pipeInput(new TestRecord<>(key, value, headers));
    }

    public void tick(String job, LocalDate date) {
        ticks.pipeInput(job, new TickRecord(job, date));
    }

    public void publishBreakpoints(String brandId, Breakpoints b) {
        breakpoints.pipeInput(brandId, BreakpointsRecord.of(b));
    }

    /** Lets wall-clock punctuation (the sweep slices) run, {@code times} slices of the interval. */
    public void runSweepSlices(int times, Duration interval) {
        for (int i = 0; i < times; i++) {
            driver.advanceWallClockTime(interval);
        }
    }

    public KeyValueStore<String, MemberState> memberStore() {
        return driver.getKeyValueStore(EngineStores.MEMBER_STATE);
    }

    /** Where the sweep of {@code job} for {@code date} stands, or null if it never started. */
    public SweepCursor sweep(String job, LocalDate date) {
        KeyValueStore<String, SweepCursor> sweeps = driver.getKeyValueStore(EngineStores.SWEEPS);
        return sweeps.get(new TickRecord(job, date).sweepKey());
    }

    /** The members whose state was written back since the last call. */
    public List<String> drainStateWrites() {
        return stateWrites.readKeyValuesToList().stream().map(kv -> kv.key).toList();
    }

    public List<CampaignAction> drainActions() {
        return actions.readValuesToList();
    }

    public List<TestRecord<String, MemberSnapshot>> drainSnapshots() {
        return snapshots.readRecordsToList();
    }

    public MemberSnapshot lastSnapshot(String memberId) {
        MemberSnapshot last = null;
        for (TestRecord<String, MemberSnapshot> r : snapshots.readRecordsToList()) {
            if (r.key().equals(memberId)) {
                last = r.value();
            }
        }
        return last;
    }

    @Override
    public void close() {
        driver.close();
    }
}
