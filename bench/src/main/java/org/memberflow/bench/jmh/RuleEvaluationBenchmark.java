package org.memberflow.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.memberflow.rules.session.RuleOutcome;
import org.memberflow.rules.session.RuleRunner;
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
 * Rule evaluation per event, as the engine runs it ({@link RuleRunner}), over the facts of the
 * last 4,096 events of a generated year: the built-in campaigns against a one-rule baseline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RuleEvaluationBenchmark {
    @Param({RuleSets.BUILT_IN, RuleSets.ONE_RULE})
    public String ruleSet;

    private RuleRunner runner;

    @Setup
    public void setUp() {
        runner = new RuleRunner(RuleSets.named(ruleSet), 100);
    }

    @Benchmark
    public RuleOutcome evaluate(FactCycle facts) {
        return runner.evaluate(facts.next());
    }
}
