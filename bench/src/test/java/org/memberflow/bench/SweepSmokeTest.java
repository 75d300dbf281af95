package org.memberflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberflow.bench.report.BenchRun;
import org.memberflow.bench.report.Report;
import org.memberflow.bench.sweep.SweepBench;

/**
 * The sweep against SQL with a small population: both sides run and must agree on every count,
 * and the daily sweep sends and writes only what the day changed.
 */
class SweepSmokeTest {

    @Test
    void shouldSweepEveryMemberAndAgreeWithSql(@TempDir Path dir) throws Exception {
        SweepBench.Result r = SweepBench.run(3_000, 11L, 1, 3, Duration.ofMinutes(3));

        assertThat(r.first().members()).isEqualTo(3_000);
        assertThat(r.daily().members()).isEqualTo(3_000);
        assertThat(r.dailyNoise()).as("the spread of the daily sweeps").isNotNaN();
        assertThat(r.first().snapshots()).as("the seeded states have no digest yet").isEqualTo(3_000);
        assertThat(r.daily().snapshots()).as("most members are the same but for the day count").isLessThan(3_000);
        assertThat(r.daily().statesWritten()).isLessThan(3_000);
        assertThat(r.sqlCounts()).isNotEmpty();
        assertThat(r.engineCounts()).isEqualTo(r.sqlCounts());
        assertThat(r.sqlCounts().values().stream().mapToLong(Long::longValue).sum()).isBetween(1L, 3_000L);

        Path md = dir.resolve("BENCHMARKS.md");
        Report.updateMarkdown(md, new BenchRun("smoke", null, null, r, null));
        assertThat(Files.readString(md)).contains("<!-- bench:sweep:begin -->", "The counts agree.");
    }
}
