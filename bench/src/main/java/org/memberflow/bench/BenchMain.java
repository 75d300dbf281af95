package org.memberflow.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.memberflow.bench.pipeline.Ladder;
import org.memberflow.bench.report.Report;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scripts/bench}: runs the benchmark ladder and writes the results and BENCHMARKS.md. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures the MemberFlow pipeline against the machine's Kafka ceilings, in one run.")
public final class BenchMain implements Callable<Integer> {
    @Option(names = "--members", description = "members in the generated history (default ${DEFAULT-VALUE})")
    int members = 100_000;

    @Option(names = "--seed", description = "seed of the generated history (default ${DEFAULT-VALUE})")
    long seed = 20261124L;

    @Option(names = "--latency-rate", description = "events/s offered for the latency measurement (default ${DEFAULT-VALUE})")
    int latencyRate = 10_000;

    @Option(names = "--latency-seconds", description = "seconds of offered load (default ${DEFAULT-VALUE})")
    int latencySeconds = 10;

    @Option(names = "--results", description = "where the JSON results go (default ${DEFAULT-VALUE})")
    Path results = Path.of("bench/results");

    @Option(names = "--markdown", description = "the BENCHMARKS.md to update; 'none' to leave it (default ${DEFAULT-VALUE})")
    String markdown = "BENCHMARKS.md";

    @Override
    public Integer call() throws Exception {
        String command = "scripts/bench --members " + members + " --latency-rate " + latencyRate;
        Ladder.Result result = Ladder.run(members, seed, latencyRate, latencySeconds, Duration.ofMinutes(30));
        Path json = Report.writeJson(results, command, result);
        if (!markdown.equals("none")) {
            Report.updateMarkdown(Path.of(markdown), command, result);
        }
        System.out.println(Report.tableOf(command, result));
        System.out.println("results: " + json);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }
}
