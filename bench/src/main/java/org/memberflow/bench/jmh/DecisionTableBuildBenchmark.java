package org.memberflow.bench.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kie.api.KieBase;
import org.memberflow.rules.session.RuleFile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What activating a rule set costs: the KieBase build (spreadsheet parse, DRL, executable model,
 * compile) of a decision table with 10, 100 and 1,000 rows, each build from scratch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(1)
public class DecisionTableBuildBenchmark {
    @Param({"10", "100", "1000"})
    public int rows;

    private RuleFile table;

    @Setup
    public void setUp() {
        table = DecisionTables.birthdayGifts(rows);
    }

    @Benchmark
    public KieBase build() {
        return RuleSets.compile("dtable-" + rows, List.of(table)).kieBase();
    }
}
