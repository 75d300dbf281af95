package org.memberflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberflow.bench.jmh.JmhSuite;
import org.memberflow.bench.report.BenchRun;
import org.memberflow.bench.report.Report;

/** Every JMH benchmark once, in process, on tiny inputs, so that they do not rot. Nothing is timed. */
class JmhSmokeTest {

    @Test
    void shouldRunEveryBenchmarkAndReportItBesideItsBaseline(@TempDir Path dir) throws Exception {
        List<JmhSuite.Figure> figures = JmhSuite.run(true);

        assertThat(figures).extracting(JmhSuite.Figure::benchmark).contains("RuleEvaluationBenchmark.evaluate",
                "SessionStrategyBenchmark.evaluate", "DecisionTableBuildBenchmark.build");
        assertThat(figures).hasSize(2 + 6 + 1).allSatisfy(f -> assertThat(f.score()).isPositive());

        Path md = dir.resolve("BENCHMARKS.md");
        Report.updateMarkdown(md, new BenchRun("smoke", null, figures, null, null));
        assertThat(Files.readString(md)).contains("<!-- bench:jmh:begin -->", "× one-rule", "× RUNNER", "10 rows");
    }
}
