package org.memberflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberflow.bench.pipeline.Ladder;
import org.memberflow.bench.pipeline.Throughput;
import org.memberflow.bench.report.BenchRun;
import org.memberflow.bench.report.Report;

/** The whole ladder with a tiny history, so that the harness does not rot. Nothing here is timed. */
class LadderSmokeTest {

    @Test
    void shouldRunEveryRungAndWriteTheResults(@TempDir Path dir) throws Exception {
        Ladder.Result r = Ladder.run(new Ladder.Plan(300, 7L, 50, 100, 2, 1, 3, Duration.ofMinutes(3)));

        assertThat(r.events()).isGreaterThan(300);
        for (Throughput t : new Throughput[] {r.producer(), r.consumer(), r.warmUp(), r.s0(), r.s2(), r.s3()}) {
            assertThat(t.events()).as(t.stage()).isPositive();
            assertThat(t.eventsPerSecond()).as(t.stage()).isPositive();
        }
        assertThat(r.latency().received()).isEqualTo(r.latency().sent()).isEqualTo(200);
        assertThat(r.latencyLow().received()).isEqualTo(r.latencyLow().sent()).isEqualTo(100);
        assertThat(r.latency().drainedPerSecond()).isPositive();
        assertThat(r.stateBytesPerMember()).isBetween(50.0, 1024.0);
        assertThat(r.latency().p99()).isGreaterThanOrEqualTo(r.latency().p50());

        BenchRun run = new BenchRun("smoke", r, null, null, null);
        Path json = Report.writeJson(dir.resolve("results"), run);
        Path md = dir.resolve("BENCHMARKS.md");
        Files.writeString(md, "# Benchmarks\n\nintro\n\n<!-- bench:ladder:begin -->\nSTALE-TABLE\n<!-- bench:ladder:end -->\n\nrest\n");
        Report.updateMarkdown(md, run);
        assertThat(Files.readString(json)).contains("\"S3/S0\"");
        assertThat(json.getFileName().toString()).as("a partial run keeps the day's whole run").endsWith("-ladder.json");
        assertThat(Files.readString(md)).contains("intro").contains("rest").contains("S3 full engine").doesNotContain("STALE-TABLE");
    }
}
