package org.memberflow.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.memberflow.rules.session.RuleOutcome;
import org.memberflow.rules.session.Rules;
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

/** The built-in campaigns per event under each {@link SessionStrategy}, on the same facts. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SessionStrategyBenchmark {
    @Param({"RUNNER", "RUNNER_RESET", "NEW_SESSION", "POOLED", "STATELESS", "REUSED"})
    public String strategy;

    private Rules rules;

    @Setup
    public void setUp() {
        rules = SessionStrategy.valueOf(strategy).over(RuleSets.named(RuleSets.BUILT_IN));
    }

    @Benchmark
    public RuleOutcome evaluate(FactCycle facts) {
        return rules.evaluate(facts.next());
    }
}
