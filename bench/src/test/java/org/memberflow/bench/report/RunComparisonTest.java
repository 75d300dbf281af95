package org.memberflow.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RunComparisonTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldSayWhichRatiosOfTwoRunsAgreeWithinTheirNoise() {
        // S3/S0: 0.10 ± 0.01 against 0.11 ± 0.011: 0.01 apart, within 0.021. The lookups: 1.0 ± 0.05
        // against 0.5 ± 0.025: not.
        JsonNode first = run(1_000, 0.1, 2_000, 0.05, 2_000, 12.0, 15.0, 0.1);
        JsonNode second = run(1_100, 0.1, 1_000, 0.05, 2_000, 15.0, 15.0, 0.0);

        List<RunComparison.Row> rows = RunComparison.compare(first, second);

        assertThat(rows).extracting(RunComparison.Row::ratio).containsExactly("S0/consumer", "S2/S0", "S3/S0", "S3/S2",
                "daily sweep / SQL time", "member lookup / constant JSON");
        RunComparison.Row s3s0 = row(rows, "S3/S0");
        assertThat(s3s0.first()).isEqualTo(0.1);
        assertThat(s3s0.second()).isEqualTo(0.11);
        assertThat(s3s0.agrees()).isTrue();
        assertThat(row(rows, "member lookup / constant JSON").agrees()).isFalse();
        // 0.8 ± 0.08 against 1.0 ± 0: 0.2 apart; the sweep runs once, only the SQL has noise.
        assertThat(row(rows, "daily sweep / SQL time").agrees()).isFalse();
        assertThat(RunComparison.table(rows)).contains("| S3/S0 | 0.100 ± 0.010 | 0.110 ± 0.011 | yes |")
                .contains("4 of 6 ratios agree within their noise.");
    }

    @Test
    void shouldTakeANoiseWrittenAsNaNAsNoneAndLeaveOutWhatARunDidNotMeasure() {
        JsonNode a = JSON.readTree("""
                {"ladder": {"consumer": {"events": 100, "seconds": 1, "noise": "NaN"},
                            "s0": {"events": 50, "seconds": 1, "noise": 0.1}},
                 "jmh": [{"benchmark": "RuleEvaluationBenchmark.evaluate", "params": {"members": "3000", "ruleSet": "built-in"},
                          "score": 14.0, "error": 7.0},
                         {"benchmark": "RuleEvaluationBenchmark.evaluate", "params": {"members": "3000", "ruleSet": "one-rule"},
                          "score": 7.0, "error": "NaN"}]}
                """);

        List<RunComparison.Row> rows = RunComparison.compare(a, a);

        assertThat(rows).extracting(RunComparison.Row::ratio).containsExactly("S0/consumer",
                "rule evaluation, built-in / one-rule"); // no S2, S3, sweep or API in this run
        assertThat(rows.get(0).first()).isEqualTo(0.5);
        assertThat(rows.get(0).firstNoise()).isEqualTo(0.1);
        assertThat(rows.get(1).first()).isEqualTo(2.0);
        assertThat(rows.get(1).firstNoise()).isEqualTo(0.5); // JMH's error over its score; none for the "NaN"
    }

    private static RunComparison.Row row(List<RunComparison.Row> rows, String ratio) {
        return rows.stream().filter(r -> r.ratio().equals(ratio)).findFirst().orElseThrow();
    }

    /**
     * A results file: a ladder (consumer 100,000/s, S0 10,000/s and S2 2,000/s without noise, S3 as
     * given), a daily sweep against the SQL, and lookups against a constant endpoint without noise.
     */
    private static JsonNode run(double s3, double s3Noise, double lookups, double lookupNoise, double constant,
            double dailySweep, double sql, double sqlNoise) {
        String json = String.format(java.util.Locale.ROOT, """
                {"ladder": {
                   "consumer": {"events": 100000, "seconds": 1, "noise": "NaN"},
                   "s0": {"events": 10000, "seconds": 1, "noise": 0},
                   "s2": {"events": 2000, "seconds": 1, "noise": 0},
                   "s3": {"events": %f, "seconds": 1, "noise": %f}},
                 "sweep": {"daily": {"seconds": %f}, "sqlSeconds": %f, "sqlNoise": %f},
                 "api": {"constant": {"requests": %f, "seconds": 10, "noise": 0},
                         "lookup": {"requests": %f, "seconds": 10, "noise": %f}}}
                """, s3, s3Noise, dailySweep, sql, sqlNoise, constant * 10, lookups * 10, lookupNoise);
        return JSON.readTree(json);
    }
}
