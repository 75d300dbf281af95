package org.memberflow.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.memberflow.bench.jmh.JmhSuite.Figure;

/** The JMH figures as a Markdown table, each beside its baseline from the same run. */
final class JmhTable {
    private static final String RULES = "RuleEvaluationBenchmark.evaluate";
    private static final String STRATEGIES = "SessionStrategyBenchmark.evaluate";
    private static final String TABLES = "DecisionTableBuildBenchmark.build";

    private JmhTable() {
    }

    static String of(List<Figure> figures) {
        StringBuilder sb = new StringBuilder();
        sb.append("| JMH benchmark | case | score | ratio |\n|---|---|---:|---|\n");
        Optional<Figure> oneRule = find(figures, RULES, f -> "one-rule".equals(f.param("ruleSet")));
        for (Figure f : only(figures, RULES)) {
            row(sb, "rule evaluation per event", f.param("ruleSet"), f, oneRule, "one-rule");
        }
        Optional<Figure> runner = find(figures, STRATEGIES, f -> "RUNNER".equals(f.param("strategy")));
        for (Figure f : only(figures, STRATEGIES)) {
            row(sb, "built-in set per event, by session strategy", f.param("strategy"), f, runner, "RUNNER");
        }
        Optional<Figure> smallest = only(figures, TABLES).stream().findFirst();
        for (Figure f : only(figures, TABLES)) {
            row(sb, "KieBase build of a decision table", f.param("rows") + " rows", f, smallest,
                    smallest.map(s -> s.param("rows") + " rows").orElse(""));
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String what, String kase, Figure f, Optional<Figure> base, String baseName) {
        String ratio = base.filter(b -> b != f && b.score() > 0)
                .map(b -> String.format(Locale.ROOT, "%.2f × %s", f.score() / b.score(), baseName))
                .orElse(base.isPresent() ? "baseline" : "");
        sb.append(String.format(Locale.ROOT, "| %s | %s | %.2f ± %.2f %s | %s |%n", what, kase, f.score(), f.error(),
                f.unit(), ratio));
    }

    private static List<Figure> only(List<Figure> figures, String benchmark) {
        return figures.stream().filter(f -> f.benchmark().equals(benchmark)).toList();
    }

    private static Optional<Figure> find(List<Figure> figures, String benchmark, Predicate<Figure> which) {
        return only(figures, benchmark).stream().filter(which).findFirst();
    }
}
