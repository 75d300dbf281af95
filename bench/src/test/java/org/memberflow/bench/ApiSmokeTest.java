package org.memberflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.memberflow.bench.api.ApiBench;
import org.memberflow.bench.api.HttpLoad;
import org.memberflow.bench.report.BenchRun;
import org.memberflow.bench.report.Report;

/**
 * The API loads against a real server for a second each, driven by each client: every request
 * answered as expected. wrk's run needs wrk installed (Debian's package), as scripts/bench does.
 */
class ApiSmokeTest {

    @ParameterizedTest
    @EnumSource(value = ApiBench.Client.class, names = {"JAVA", "WRK"})
    void shouldLoadEveryEndpointWithoutErrors(ApiBench.Client client, @TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(client != ApiBench.Client.WRK || ApiBench.wrkInstalled(), "wrk is not installed");
        ApiBench.Result r = ApiBench.run(200, 1, 1, client);

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
