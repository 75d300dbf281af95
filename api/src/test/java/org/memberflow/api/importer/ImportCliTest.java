package org.memberflow.api.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scripts/import}'s command line: its exit codes and what it says. */
class ImportCliTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--state-dir", dir.resolve("state").toString()));
        return ImportCli.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true),
                ProgressDisplay.NONE);
    }

    private Path sample(String name) throws Exception {
        Path file = dir.resolve(name);
        Files.copy(CsvImportTest.SAMPLES.resolve(name), file);
        return file;
    }

    @Test
    void shouldExitWith0AfterADryRunWithNoRejectionsAnd1WithSome() throws Exception {
        assertThat(run("members", "--dry-run", sample("members.csv").toString())).isZero();
        assertThat(out.toString()).contains("members.csv: 12 rows read, 12 would be sent (22 events)");

        Path bad = dir.resolve("orders-bad.csv");
        Files.write(bad, getClass().getResourceAsStream("/import/orders-bad.csv").readAllBytes());
        assertThat(run("orders", "--dry-run", bad.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("6 rejected (lines and reasons in " + dir.resolve("orders-bad.csv.rejected.csv"));
    }

    @Test
    void shouldExitWith2OnBadUsageOrAFileThatCannotBeImported() throws Exception {
        assertThat(run("members", dir.resolve("missing.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no such file: ");

        assertThat(run("orders", sample("members.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("members.csv: unknown column(s) registered_at, birthday");

        assertThat(run("orders", "--batch-size", "5000", sample("orders.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("the batch size is 2 to 1000 events, not 5000");

        assertThat(run("orders", "--time-zone", "Asia/Beijing", dir.resolve("orders.csv").toString())).isEqualTo(2);
        assertThat(run("orders", "--brand", " ", dir.resolve("orders.csv").toString())).isEqualTo(2);
        assertThat(run("customers", "x.csv")).isEqualTo(2);
    }

    @Test
    void shouldExitWith3WhenTheServerCannotBeReachedSayingHowToResume() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        int code = run("orders", "--server", "http://localhost:" + port, "--retries", "1", sample("orders.csv").toString());

        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).contains("cannot reach http://localhost:" + port, "(tried 1 time); nothing of"
                + " orders.csv is imported yet: run the same command again to resume");
    }
}
