package org.memberflow.bench.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The acceptance of the benchmarks, checked: two runs' results files side by side, every ratio of
 * one against the same ratio of the other, each with the noise its run reported. Two ratios agree
 * when they are no further apart than their two noises together (their ranges overlap).
 */
public final class RunComparison {
    /** One ratio in both runs; a noise of 0 where a run reported none (a ceiling, a sweep run once). */
    public record Row(String ratio, double first, double firstNoise, double second, double secondNoise) {
        public boolean agrees() {
            return Math.abs(first - second) <= first * firstNoise + second * secondNoise;
        }
    }

    private RunComparison() {
    }

    public static List<Row> compare(Path first, Path second) {
        JsonMapper json = JsonMapper.builder().build();
        return compare(json.readTree(first.toFile()), json.readTree(second.toFile()));
    }

    static List<Row> compare(JsonNode first, JsonNode second) {
        Map<String, Ratio> a = ratios(first);
        Map<String, Ratio> b = ratios(second);
        List<Row> rows = new ArrayList<>();
        a.forEach((name, ra) -> {
            Ratio rb = b.get(name);
            if (rb != null) {
                rows.add(new Row(name, ra.value(), ra.noise(), rb.value(), rb.noise()));
            }
        });
        return rows;
    }

    /** The rows as a Markdown table, and a last line saying how many agree. */
    public static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder("| ratio | first run | second run | within the noise |\n|---|---:|---:|---|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %.3f ± %.3f | %.3f ± %.3f | %s |\n", r.ratio(), r.first(),
                    r.first() * r.firstNoise(), r.second(), r.second() * r.secondNoise(), r.agrees() ? "yes" : "no"));
        }
        long agree = rows.stream().filter(Row::agrees).count();
        sb.append(String.format(Locale.ROOT, "\n%d of %d ratios agree within their noise.\n", agree, rows.size()));
        return sb.toString();
    }

    private record Ratio(double value, double noise) {
    }

    /** A figure and its relative noise (0 when none was reported). */
    private record Figure(double value, double noise) {
    }

    /**
     * Every ratio the tables of BENCHMARKS.md show, by the name the comparison prints; a ratio whose
     * figures a run does not have (a part skipped, an older results file) is left out.
     */
    private static Map<String, Ratio> ratios(JsonNode run) {
        Map<String, Ratio> ratios = new LinkedHashMap<>();
        JsonNode ladder = run.path("ladder");
        put(ratios, "S0/consumer", rate(ladder, "s0"), rate(ladder, "consumer"));
        put(ratios, "S2/S0", rate(ladder, "s2"), rate(ladder, "s0"));
        put(ratios, "S3/S0", rate(ladder, "s3"), rate(ladder, "s0"));
        put(ratios, "S3/S2", rate(ladder, "s3"), rate(ladder, "s2"));
        jmh(run.path("jmh"), ratios);
        JsonNode sweep = run.path("sweep");
        Figure sql = figure(sweep.path("sqlSeconds"), sweep.path("sqlNoise"));
        // The daily sweep's noise is its runs' spread (none in results older than that); the first runs once.
        put(ratios, "daily sweep / SQL time", figure(sweep.path("daily").path("seconds"), sweep.path("dailyNoise")), sql);
        put(ratios, "first sweep / SQL time", figure(sweep.path("first").path("seconds"), null), sql);
        JsonNode api = run.path("api");
        put(ratios, "member lookup / constant JSON", rate(api, "lookup"), rate(api, "constant"));
        put(ratios, "event ingestion / constant JSON", rate(api, "ingestion"), rate(api, "constant"));
        return ratios;
    }

    /**
     * Each JMH score against its baseline, as the rules table shows them. The noise is JMH's error
     * (the half-width of its 99.9% confidence interval), wider than the slices' half-range elsewhere.
     */
    private static void jmh(JsonNode figures, Map<String, Ratio> ratios) {
        Map<String, Figure> scores = new LinkedHashMap<>();
        for (JsonNode f : figures) {
            String bench = f.path("benchmark").asString();
            String kase = f.path("params").properties().stream().filter(e -> !e.getKey().equals("members"))
                    .map(e -> e.getValue().asString()).findFirst().orElse("");
            Figure score = figure(f.path("score"), null);
            double error = number(f.path("error"));
            if (score != null) {
                scores.put(bench + " " + kase, new Figure(score.value(), Double.isNaN(error) ? 0 : error / score.value()));
            }
        }
        put(ratios, "rule evaluation, built-in / one-rule", scores.get("RuleEvaluationBenchmark.evaluate built-in"),
                scores.get("RuleEvaluationBenchmark.evaluate one-rule"));
        for (String strategy : List.of("RUNNER_RESET", "NEW_SESSION", "POOLED", "STATELESS", "REUSED")) {
            put(ratios, "session strategy, " + strategy + " / RUNNER", scores.get("SessionStrategyBenchmark.evaluate " + strategy),
                    scores.get("SessionStrategyBenchmark.evaluate RUNNER"));
        }
        for (String rows : List.of("100", "1000")) {
            put(ratios, "decision table build, " + rows + " / 10 rows", scores.get("DecisionTableBuildBenchmark.build " + rows),
                    scores.get("DecisionTableBuildBenchmark.build 10"));
        }
    }

    private static void put(Map<String, Ratio> ratios, String name, Figure of, Figure to) {
        if (of != null && to != null) {
            ratios.put(name, new Ratio(of.value() / to.value(), Noise.ofRatio(of.noise(), to.noise())));
        }
    }

    /** A rung's or a load's rate (events or requests over seconds) and its noise; null when the run has none. */
    private static Figure rate(JsonNode part, String name) {
        JsonNode t = part.path(name);
        double count = number(t.has("events") ? t.path("events") : t.path("requests"));
        double seconds = number(t.path("seconds"));
        return Double.isNaN(count) || Double.isNaN(seconds) || seconds <= 0 ? null
                : new Figure(count / seconds, noise(t.path("noise")));
    }

    /** A positive figure with its noise (none when {@code noise} is null); null when the run has no such figure. */
    private static Figure figure(JsonNode value, JsonNode noise) {
        double v = number(value);
        return Double.isNaN(v) || v <= 0 ? null : new Figure(v, noise == null ? 0 : noise(noise));
    }

    /** The number in a field; NaN when it is missing or not a number ("NaN" is written as a string). */
    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    /** A reported noise, or 0 where the run had none ("NaN": a ceiling is measured whole). */
    private static double noise(JsonNode n) {
        double v = number(n);
        return Double.isNaN(v) ? 0 : v;
    }
}
