package org.memberflow.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.memberflow.bench.api.ApiBench;
import org.memberflow.bench.jmh.JmhSuite;
import org.memberflow.bench.pipeline.Ladder;
import org.memberflow.bench.report.BenchRun;
import org.memberflow.bench.report.Report;
import org.memberflow.bench.report.RunComparison;
import org.memberflow.bench.sweep.SweepBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scripts/bench}: runs every benchmark and writes the results and BENCHMARKS.md. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures the MemberFlow pipeline against the machine's Kafka ceilings, in one run.")
public final class BenchMain implements Callable<Integer> {
    /** The parts of a run, in the order they run. */
    enum Part { LADDER, JMH, SWEEP, API }

    @Option(names = "--members", description = "members in the generated history (default ${DEFAULT-VALUE})")
    int members = 100_000;

    @Option(names = "--seed", description = "seed of the generated history (default ${DEFAULT-VALUE})")
    long seed = 20261124L;

    @Option(names = "--latency-rate", description = "events/s offered for the latency measurement (default ${DEFAULT-VALUE})")
    int latencyRate = 10_000;

    @Option(names = "--latency-low-rate", description = "events/s offered for the latency below capacity (default ${DEFAULT-VALUE})")
    int latencyLowRate = 2_000;

    @Option(names = "--latency-seconds", description = "seconds of offered load (default ${DEFAULT-VALUE})")
    int latencySeconds = 10;

    @Option(names = "--sweep-members", description = "members in member-state for the sweep (default ${DEFAULT-VALUE})")
    int sweepMembers = 1_000_000;

    @Option(names = "--api-members", description = "members registered for the API loads (default ${DEFAULT-VALUE})")
    int apiMembers = 20_000;

    @Option(names = "--api-seconds", description = "seconds of each API load (default ${DEFAULT-VALUE})")
    double apiSeconds = 10;

    @Option(names = "--api-warm-up", description = "seconds of mixed load before the API is measured (default ${DEFAULT-VALUE})")
    double apiWarmUp = 60;

    @Option(names = "--stream-threads", description = "stream threads of every topology (default ${DEFAULT-VALUE})")
    int streamThreads = 2;

    @Option(names = "--api-client", description = "what drives the API loads: ${COMPLETION-CANDIDATES}; auto is wrk when "
            + "it is on the PATH, else the Java client (default ${DEFAULT-VALUE})")
    ApiBench.Client apiClient = ApiBench.Client.AUTO;

    @Option(names = "--partitions", description = "partitions of member-events and the topics keyed by member (default ${DEFAULT-VALUE})")
    int partitions = 6;

    @Option(names = "--skip", split = ",", description = "parts to leave out: ${COMPLETION-CANDIDATES}")
    Set<Part> skip = EnumSet.noneOf(Part.class);

    @Option(names = "--results", description = "where the JSON results go (default ${DEFAULT-VALUE})")
    Path results = Path.of("bench/results");

    @Option(names = "--markdown", description = "the BENCHMARKS.md to update; 'none' to leave it (default ${DEFAULT-VALUE})")
    String markdown = "BENCHMARKS.md";

    @Option(names = "--compare", arity = "2", paramLabel = "RESULTS.json",
            description = "run nothing: compare the ratios two results files have in common, each with its noise; "
                    + "exit 1 if one disagrees, 2 if they have none in common")
    List<Path> compare = List.of();

    @Override
    public Integer call() throws Exception {
        if (!compare.isEmpty()) {
            List<RunComparison.Row> rows = RunComparison.compare(compare.get(0), compare.get(1));
            if (rows.isEmpty()) {
                System.err.println("the two results files have no ratio in common");
                return 2;
            }
            System.out.print(RunComparison.table(rows));
            return rows.stream().allMatch(RunComparison.Row::agrees) ? 0 : 1;
        }
        String command = "scripts/bench --members " + members + " --latency-low-rate " + latencyLowRate + " --latency-rate " + latencyRate + " --sweep-members "
                + sweepMembers + " --api-members " + apiMembers + " --stream-threads " + streamThreads + " --partitions " + partitions + (skip.isEmpty() ? "" : " --skip " + String.join(",", skip.stream().map(Enum::name).toList()));
        Ladder.Result ladder = skip.contains(Part.LADDER) ? null : Ladder.run(new Ladder.Plan(members, seed, latencyLowRate, latencyRate,
                latencySeconds, streamThreads, partitions, Duration.ofMinutes(30)));
        List<JmhSuite.Figure> jmh = skip.contains(Part.JMH) ? null : JmhSuite.run(false);
        SweepBench.Result sweep = skip.contains(Part.SWEEP) ? null
                : SweepBench.run(sweepMembers, seed, streamThreads, partitions, Duration.ofMinutes(30));
        ApiBench.Result api = skip.contains(Part.API) ? null : ApiBench.run(apiMembers, apiSeconds, apiWarmUp, apiClient);
        BenchRun run = new BenchRun(command, ladder, jmh, sweep, api);
        Path json = Report.writeJson(results, run);
        if (!markdown.equals("none")) {
            Report.updateMarkdown(Path.of(markdown), run);
        }
        System.out.println(Report.tables(run));
        System.out.println("results: " + json);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }
}
