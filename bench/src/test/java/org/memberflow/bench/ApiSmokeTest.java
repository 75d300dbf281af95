package org.memberflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberflow.bench.api.ApiBench;
import org.memberflow.bench.api.HttpLoad;
import org.memberflow.bench.report.BenchRun;
import org.memberflow.bench.report.Report;

/** The API loads against a real server for a second each: every request answered as expected. */
class ApiSmokeTest {

    @Test
    void shouldLoadEveryEndpointWithoutErrors(@TempDir Path dir) throws Exception {
        ApiBench.Result r = ApiBench.run(200, 1, 1);

        for (HttpLoad.Result load : new HttpLoad.Result[] {r.constant(), r.lookup(), r.ingestion()}) {
            assertThat(load.requests()).as(load.name()).isPositive();
            assertThat(load.errors()).as(load.name()).isZero();
            assertThat(load.p99()).as(load.name()).isGreaterThanOrEqualTo(load.p50());
        }

        Path md = dir.resolve("BENCHMARKS.md");
        Report.updateMarkdown(md, new BenchRun("smoke", null, null, null, r));
        assertThat(Files.readString(md)).contains("<!-- bench:api:begin -->", "× constant");
    }
}
