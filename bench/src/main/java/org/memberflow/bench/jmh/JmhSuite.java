package org.memberflow.bench.jmh;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH benchmarks of the rules module from {@code scripts/bench}: rule evaluation per
 * event (built-in set and a one-rule baseline), the session strategies, and decision-table
 * KieBase builds. The smoke variant runs each once, in process, on tiny inputs.
 */
public final class JmhSuite {
    /** One JMH score: the benchmark's short name, its parameters, the mean and its 99.9% error. */
    public record Figure(String benchmark, Map<String, String> params, double score, double error, String unit) {
        public String param(String name) {
            return params.get(name);
        }
    }

    private JmhSuite() {
    }

    public static List<Figure> run(boolean smoke) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(RuleEvaluationBenchmark.class.getName())
                .include(SessionStrategyBenchmark.class.getName())
                .include(DecisionTableBuildBenchmark.class.getName())
                .shouldFailOnError(true)
                .verbosity(smoke ? VerboseMode.SILENT : VerboseMode.NORMAL);
        if (smoke) {
            options.forks(0).warmupIterations(0).measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(100))
                    .param("members", "100").param("rows", "10");
        }
        return figures(new Runner(options.build()).run());
    }

    private static List<Figure> figures(Collection<RunResult> results) {
        List<Figure> figures = new ArrayList<>();
        for (RunResult r : results) {
            Map<String, String> params = new LinkedHashMap<>();
            for (String key : r.getParams().getParamsKeys()) {
                params.put(key, r.getParams().getParam(key));
            }
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            figures.add(new Figure(name, params, r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError(),
                    r.getPrimaryResult().getScoreUnit()));
        }
        return figures;
    }
}
