package org.memberflow.bench.sweep;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.memberflow.api.localstack.EmbeddedMariaDb;
import org.memberflow.api.localstack.Ports;
import org.memberflow.bench.generate.ProgressBar;
import org.memberflow.bench.pipeline.BenchBroker;
import org.memberflow.bench.pipeline.CommittedRecords;
import org.memberflow.bench.pipeline.Measurement;
import org.memberflow.bench.report.Noise;
import org.memberflow.engine.EngineSettings;
import org.memberflow.engine.Topics;
import org.memberflow.engine.clock.ClockMode;
import org.memberflow.engine.clock.TickRecord;
import org.memberflow.engine.member.MemberState;
import org.memberflow.engine.member.MemberStateSerde;
import org.memberflow.engine.segment.BreakpointsRecord;
import org.memberflow.engine.topology.EngineOptions;
import org.memberflow.engine.topology.EngineStores;
import org.memberflow.engine.topology.EngineTopology;
import org.memberflow.rules.fact.MemberEvent;
import org.memberflow.rules.session.BuiltInRuleSet;
import org.memberflow.rules.session.RuleRunner;
import org.memberflow.segments.Breakpoints;
import org.memberflow.segments.RfmValues;
import org.springframework.util.FileSystemUtils;

/**
 * One tick over a million members: the full engine sweeps its {@code member-state} (rescoring
 * RFM as of the tick's day and running the built-in campaigns for each member), against the same
 * eight-class classification by SQL over the purchases in MariaDB.
 *
 * <p>Two ticks are sent, yesterday's and then today's, and both are timed. The first sweep after
 * a restore of these seeded states sends every member's snapshot and writes every state back;
 * today's is the daily case, where only the members whose snapshot or state the day changed are
 * sent and written (see {@code SnapshotDigest}).
 *
 * <p>The members' states are written straight to the store's changelog and restored by the engine
 * at start, the path a new instance takes; streaming a million members' history through the engine
 * first is what the ladder measures already. Breakpoints computed from the same population are
 * published on rfm-breakpoints, so both sides compare with the same means and must agree on every
 * count.
 */
public final class SweepBench {
    private static final String APP_ID = "bench-sweep";
    private static final String JOB = "bench-sweep";
    private static final int WINDOW_DAYS = 365;

    /** Times the SQL classification runs; its median is the baseline, its spread the noise. */
    public static final int SQL_RUNS = 3;
    /**
     * Daily sweeps timed: today's and the next days' (a day's tick sweeps once); the median is the
     * figure, the spread its noise, as for the SQL.
     */
    public static final int DAILY_RUNS = 3;

    /**
     * What one sweep run measured; class counts (as of today, after today's sweep) leave prospects
     * out. {@code daily} is the median of the daily sweeps, {@code dailyNoise} and {@code sqlNoise}
     * the spreads of the daily sweeps' and the SQL's runs ({@link Noise}); the first sweep runs once.
     */
    public record Result(int members, double stateBytesPerMember, double restoreSeconds, Sweep first, Sweep daily,
            double dailyNoise, double sqlLoadSeconds, double sqlSeconds, double sqlCpuSeconds, double sqlNoise,
            Map<String, Long> engineCounts, Map<String, Long> sqlCounts) {

        public boolean countsAgree() {
            return engineCounts.equals(sqlCounts);
        }
    }

    /** One tick's sweep: its time, and the snapshots it sent and states it wrote back. */
    public record Sweep(LocalDate day, double seconds, double cpuSeconds, long members, long snapshots,
            long statesWritten) {
    }

    private SweepBench() {
    }

    private static int medianIndex(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        return order[order.length / 2];
    }

    public static Result run(int members, long seed, int streamThreads, int partitions, Duration limit) throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC); // a wall-clock engine ignores older ticks
        Path work = Files.createTempDirectory("memberflow-bench-sweep-");
        Path csv = work.resolve("purchases.csv");
        try (BenchBroker broker = new BenchBroker(partitions)) {
            String changelog = APP_ID + "-" + EngineStores.MEMBER_STATE + "-changelog";
            try (var admin = broker.admin()) {
                admin.createTopics(List.of(new NewTopic(changelog, broker.partitions(), (short) 1)
                        .configs(Map.of("cleanup.policy", "compact")))).all().get();
            }
            long[] stateBytes = new long[1];
            Breakpoints breakpoints = seed(broker, changelog, members, new MemberPopulation(seed, today), today, csv,
                    stateBytes);
            publish(broker, breakpoints);

            CountDownLatch restored = new CountDownLatch(broker.partitions());
            Measurement restore = Measurement.start();
            try (KafkaStreams streams = start(broker, streamThreads, restored)) {
                if (!restored.await(limit.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("member-state was not restored within " + limit);
                }
                double restoreSeconds = restore.seconds();
                System.err.printf("restored %,d members in %.1f s%n", members, restoreSeconds);

                Sweep first = sweep(broker, changelog, today.minusDays(1), limit);
                Sweep[] dailies = new Sweep[DAILY_RUNS];
                dailies[0] = sweep(broker, changelog, today, limit);
                Map<String, Long> engineCounts = engineCounts(streams); // as of today, as the SQL's
                for (int i = 1; i < DAILY_RUNS; i++) {
                    dailies[i] = sweep(broker, changelog, today.plusDays(i), limit);
                }
                double[] dailySeconds = Arrays.stream(dailies).mapToDouble(Sweep::seconds).toArray();
                Sweep daily = dailies[medianIndex(dailySeconds)];
                double dailyNoise = Noise.of(Arrays.stream(dailySeconds).map(t -> 1 / t).toArray());
                streams.close(Duration.ofSeconds(30));

                try (EmbeddedMariaDb db = EmbeddedMariaDb.start(work.resolve("mariadb"), Ports.free());
                        SqlClassification sql = new SqlClassification(db.jdbcUrl())) {
                    Measurement load = Measurement.start();
                    sql.load(csv);
                    double loadSeconds = load.seconds();
                    Map<String, Long> sqlCounts = null;
                    double[] seconds = new double[SQL_RUNS];
                    double[] cpu = new double[SQL_RUNS];
                    double[] rates = new double[SQL_RUNS];
                    for (int i = 0; i < SQL_RUNS; i++) {
                        Measurement query = Measurement.start();
                        sqlCounts = sql.classify(today, WINDOW_DAYS);
                        seconds[i] = query.seconds();
                        cpu[i] = query.cpuSeconds();
                        rates[i] = 1 / seconds[i];
                        System.err.printf("SQL classified in %.1f s%n", seconds[i]);
                    }
                    int median = medianIndex(seconds);
                    return new Result(members, (double) stateBytes[0] / members, restoreSeconds, first, daily,
                            dailyNoise, loadSeconds, seconds[median], cpu[median], Noise.of(rates), engineCounts, sqlCounts);
                }
            }
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    /**
     * Writes every member's state to the changelog and their purchases to the CSV; adds up the
     * states' bytes in {@code stateBytes[0]}; returns the breakpoints.
     */
    private static Breakpoints seed(BenchBroker broker, String changelog, int members, MemberPopulation population,
            LocalDate today, Path csv, long[] stateBytes) throws Exception {
        List<RfmValues> values = new ArrayList<>(members);
        MemberStateSerde serde = new MemberStateSerde();
        ProgressBar progress = new ProgressBar("seed member-state", members, System.err);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(broker));
                BufferedWriter out = Files.newBufferedWriter(csv)) {
            for (int m = 0; m < members; m++) {
                MemberState state = population.member(m, (id, day, fen) -> {
                    try {
                        out.write(id + "," + day + "," + fen + "\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                values.add(state.purchases().rfm(today, WINDOW_DAYS));
                byte[] bytes = serde.write(state);
                stateBytes[0] += bytes.length;
                producer.send(new ProducerRecord<>(changelog, MemberPopulation.memberId(m), bytes));
                if ((m + 1) % 10_000 == 0 || m + 1 == members) {
                    progress.update(m + 1);
                }
            }
        }
        return Breakpoints.fromPopulation(values);
    }

    private static void publish(BenchBroker broker, Breakpoints breakpoints) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(broker))) {
            producer.send(new ProducerRecord<>(Topics.RFM_BREAKPOINTS.name(), MemberEvent.DEFAULT_BRAND,
                    Topics.RFM_BREAKPOINTS.valueSerde().serializer().serialize(null, BreakpointsRecord.of(breakpoints))))
                    .get();
        }
    }

    private static KafkaStreams start(BenchBroker broker, int streamThreads, CountDownLatch restored) throws Exception {
        Properties props = new EngineSettings(broker.bootstrapServers(), APP_ID,
                Files.createTempDirectory("memberflow-bench-sweep-state-"), 1, streamThreads, Duration.ofMillis(100),
                Map.of()).toStreamsProperties(ClockMode.WALL);
        var topology = EngineTopology.build(new StreamsBuilder(), new RuleRunner(BuiltInRuleSet.compile(), 100),
                EngineOptions.defaults(), Clock.systemUTC()).build();
        KafkaStreams streams = new KafkaStreams(topology, props);
        streams.setGlobalStateRestoreListener(new StateRestoreListener() {
            @Override
            public void onRestoreStart(TopicPartition partition, String store, long start, long end) {
            }

            @Override
            public void onBatchRestored(TopicPartition partition, String store, long batchEnd, long restored) {
            }

            @Override
            public void onRestoreEnd(TopicPartition partition, String store, long total) {
                if (store.equals(EngineStores.MEMBER_STATE)) {
                    restored.countDown();
                }
            }
        });
        streams.start();
        return streams;
    }

    /** Sends the tick of {@code day}, waits for every task's sweep, counts what it sent and wrote. */
    private static Sweep sweep(BenchBroker broker, String changelog, LocalDate day,
            Duration limit) throws Exception {
        try (CommittedRecords snapshots = new CommittedRecords(broker.bootstrapServers(), Topics.MEMBER_SNAPSHOTS.name());
                CommittedRecords states = new CommittedRecords(broker.bootstrapServers(), changelog)) {
            var snapshotsMark = snapshots.mark();
            var statesMark = states.mark();
            Measurement time = Measurement.start();
            tick(broker, day);
            // Done in the store is not yet committed: wait for the cursors' committed transaction.
            long swept = CommittedSweep.await(broker.bootstrapServers(), APP_ID, JOB, day, broker.partitions(), limit);
            double seconds = time.seconds();
            double cpu = time.cpuSeconds();
            Sweep sweep = new Sweep(day, seconds, cpu, swept, snapshots.countSince(snapshotsMark),
                    states.countSince(statesMark));
            System.err.printf("swept %,d members for %s in %.1f s: %,d snapshots sent, %,d states written%n", swept,
                    day, seconds, sweep.snapshots(), sweep.statesWritten());
            return sweep;
        }
    }

    private static void tick(BenchBroker broker, LocalDate today) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(broker))) {
            byte[] tick = Topics.ENGINE_CLOCK.valueSerde().serializer().serialize(null, new TickRecord(JOB, today));
            for (int p = 0; p < broker.partitions(); p++) {
                producer.send(new ProducerRecord<>(Topics.ENGINE_CLOCK.name(), p, JOB, tick)).get();
            }
        }
    }

    /** Members per class after the sweep, read from member-state by an interactive query. */
    private static Map<String, Long> engineCounts(KafkaStreams streams) {
        Map<String, Long> counts = new TreeMap<>();
        ReadOnlyKeyValueStore<String, MemberState> states = streams.store(StoreQueryParameters.fromNameAndType(
                EngineStores.MEMBER_STATE, QueryableStoreTypes.<String, MemberState>keyValueStore()));
        try (KeyValueIterator<String, MemberState> it = states.all()) {
            while (it.hasNext()) {
                KeyValue<String, MemberState> e = it.next();
                String code = e.value.rfmClass() == null ? "none" : e.value.rfmClass().code();
                if (!code.equals("prospect")) {
                    counts.merge(code, 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    private static Properties producerProps(BenchBroker broker) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return p;
    }
}
