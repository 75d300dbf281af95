package org.memberflow.api.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One file imported, again, interrupted and resumed, refused in part: against a fake server. */
class CsvImportTest {
    static final Path SAMPLES = Path.of("..", "scripts", "import-samples");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path copy(String resource) throws Exception {
        Path file = dir.resolve(Path.of(resource).getFileName().toString());
        try (var in = resource.startsWith("import/") ? getClass().getResourceAsStream("/" + resource)
                : Files.newInputStream(SAMPLES.resolve(resource))) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    private ImportSummary run(ImportKind kind, Path file, int batchSize, EventSender server, boolean dryRun)
            throws Exception {
        ImportSettings settings = new ImportSettings(kind, file, "chayu", ZoneId.of("Asia/Shanghai"), batchSize,
                ImportSettings.defaultReport(file), dryRun);
        return new CsvImport(settings, server, new ProgressStore(dir.resolve("state")), ProgressDisplay.NONE, CLOCK).run();
    }

    private ImportSummary run(ImportKind kind, Path file, int batchSize, EventSender server) throws Exception {
        return run(kind, file, batchSize, server, false);
    }

    static List<CSVRecord> report(Path file) throws Exception {
        String text = Files.readString(ImportSettings.defaultReport(file), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFline,column,reason,row");
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(
                new java.io.StringReader(text.substring(1))).getRecords();
    }

    @Test
    void shouldSendEveryGoodRowAndReportEveryOtherWithItsLineColumnAndReason() throws Exception {
        Path file = copy("import/members-bad.csv");
        FakeServer server = new FakeServer();

        ImportSummary summary = run(ImportKind.MEMBERS, file, 500, server);

        assertThat(server.applied).containsExactly("imp:chayu:m:BAD0001", "imp:chayu:p:BAD0001", "imp:chayu:m:BAD0003",
                "imp:chayu:p:BAD0003", "imp:chayu:m:BAD0011", "imp:chayu:p:BAD0011");
        assertThat(summary.rows()).isEqualTo(11);
        assertThat(summary.rowsSent()).isEqualTo(3);
        assertThat(summary.eventsSent()).isEqualTo(6);
        assertThat(summary.rejected()).isEqualTo(8);
        assertThat(report(file)).extracting(r -> r.get("line") + " " + r.get("column") + ": " + r.get("reason"))
                .containsExactly(
                        "3 birthday: '1990-13-01' is not a real date (Invalid value for MonthOfYear (valid values 1 - 12): 13)",
                        "6 registered_at: is required",
                        "7 time_zone: unknown time zone 'Asia/Beijing' (write an IANA zone such as Asia/Shanghai)",
                        "8 points: '1,200' is not a whole number of points like 1200",
                        "9 member_id: 'BAD0001' appears again (first on line 2)",
                        "11 phone: must be at most 32 characters",
                        "12 : has 2 field(s), the header 9",
                        "13 tags: must be an array of at most 32 strings");
        assertThat(report(file).get(0).get("row")).isEqualTo("BAD0002,2020-02-01 10:00:00,1990-13-01,silver,,Asia/Shanghai,,0,");
        assertThat(summary.describe()).isEqualTo("members-bad.csv: 11 rows read, 3 sent (6 events), 0 already imported,"
                + " 8 rejected (lines and reasons in " + ImportSettings.defaultReport(file) + ")");
    }

    @Test
    void shouldReportTheBadOrdersByTheirLines() throws Exception {
        Path file = copy("import/orders-bad.csv");
        FakeServer server = new FakeServer();

        run(ImportKind.ORDERS, file, 500, server);

        assertThat(server.applied).containsExactly("imp:chayu:o:BO0001", "imp:chayu:o:BO0008", "imp:chayu:r:BO0008");
        assertThat(report(file)).extracting(r -> r.get("line") + " " + r.get("column")).containsExactly(
                "3 amount", "4 amount", "5 occurred_at", "6 refunded_amount", "7 member_id", "8 amount");
    }

    @Test
    void shouldSendNothingWhenTheSameFileIsImportedAgain() throws Exception {
        Path file = copy("orders.csv");
        FakeServer server = new FakeServer();
        ImportSummary first = run(ImportKind.ORDERS, file, 10, server);
        int requests = server.keys.size();

        ImportSummary again = run(ImportKind.ORDERS, file, 10, server);

        assertThat(first.rowsSent()).isEqualTo(28);
        assertThat(first.eventsSent()).isEqualTo(31);
        assertThat(server.keys).hasSize(requests);
        assertThat(again.rowsSent()).isZero();
        assertThat(again.alreadyImported()).isEqualTo(28);
        assertThat(again.finishedBefore()).isTrue();
        assertThat(again.describe()).startsWith("orders.csv: imported before; nothing to send. 28 rows read, 0 sent");
        assertThat(Files.exists(ImportSettings.defaultReport(file))).isFalse();
    }

    @Test
    void shouldResumeAfterTheLastBatchTheServerAcceptedAndEndAsACleanRunDoes() throws Exception {
        Path file = copy("orders.csv");
        FakeServer clean = new FakeServer();
        importer(ImportKind.ORDERS, file, 4, clean, "clean").run();

        FakeServer server = new FakeServer().failingFrom(4, false);
        CsvImport cut = importer(ImportKind.ORDERS, file, 4, server, "cut");
        assertThatThrownBy(cut::run).isInstanceOf(ServerFailedException.class);
        assertThat(server.batchSizes).hasSize(3);
        long committed = cut.committedLine();
        assertThat(committed).isGreaterThan(2);

        server.heal();
        ImportSummary resumed = importer(ImportKind.ORDERS, file, 4, server, "cut").run();

        assertThat(server.applied).isEqualTo(clean.applied).doesNotHaveDuplicates().hasSize(31);
        // The resumed run starts with the 4th batch (its first try failed): nothing before it is sent again.
        assertThat(server.keys.subList(4, server.keys.size())).isEqualTo(clean.keys.subList(3, clean.keys.size()));
        assertThat(resumed.alreadyImported()).isEqualTo(committed - 1); // one row per line in this file
        assertThat(resumed.alreadyImported() + resumed.rowsSent()).isEqualTo(28);
        assertThat(server.batchSizes).isEqualTo(clean.batchSizes); // the same batches, cut where a clean run cuts
    }

    @Test
    void shouldSendTheBatchWhoseAnswerWasLostWithTheSameIdempotencyKeySoItIsAppliedOnce() throws Exception {
        Path file = copy("orders.csv");
        FakeServer clean = new FakeServer();
        importer(ImportKind.ORDERS, file, 4, clean, "clean").run();

        FakeServer server = new FakeServer().failingFrom(4, true); // the 4th batch arrives, its answer does not
        assertThatThrownBy(importer(ImportKind.ORDERS, file, 4, server, "cut")::run).isInstanceOf(ServerFailedException.class);
        assertThat(server.batchSizes).hasSize(4);
        server.heal();
        importer(ImportKind.ORDERS, file, 4, server, "cut").run();

        assertThat(server.keys.get(4)).isEqualTo(server.keys.get(3));
        assertThat(server.applied).isEqualTo(clean.applied).doesNotHaveDuplicates();
        assertThat(server.keys.subList(0, 4)).isEqualTo(clean.keys.subList(0, 4));
    }

    @Test
    void shouldKeepARowsEventsInOneBatchAndCutBatchesAtTheSameRowsEveryTime() throws Exception {
        Path file = copy("members.csv");
        FakeServer first = new FakeServer();
        FakeServer second = new FakeServer();

        importer(ImportKind.MEMBERS, file, 3, first, "a").run();
        importer(ImportKind.MEMBERS, file, 3, second, "b").run();

        // Rows of 2 events (a registration and an opening balance) never straddle two batches of at most 3.
        assertThat(first.batchSizes).allSatisfy(size -> assertThat(size).isBetween(1, 3));
        assertThat(first.applied).hasSize(22);
        for (int i = 0; i + 1 < first.applied.size(); i++) {
            if (first.applied.get(i + 1).startsWith("imp:chayu:p:")) {
                assertThat(first.applied.get(i)).isEqualTo(first.applied.get(i + 1).replace(":p:", ":m:"));
            }
        }
        assertThat(second.keys).isEqualTo(first.keys).doesNotHaveDuplicates();
        assertThat(second.batchSizes).isEqualTo(first.batchSizes);
    }

    @Test
    void shouldRejectOnlyTheRowsTheServerRefusesResendTheRestAndReportThemAgainLater() throws Exception {
        Path file = copy("members.csv");
        FakeServer server = new FakeServer().refusing(e -> e.path("memberId").asString().equals("CY20210005")
                && e.path("type").asString().equals("REGISTERED"), "/profile/tier");

        ImportSummary summary = importer(ImportKind.MEMBERS, file, 10, server, "s").run();

        assertThat(server.applied).hasSize(20).noneMatch(id -> id.endsWith(":CY20210005"));
        assertThat(summary.rowsSent()).isEqualTo(11);
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(report(file)).singleElement().satisfies(r -> {
            assertThat(r.get("line")).isEqualTo("6");
            assertThat(r.get("column")).isEqualTo("tier");
            assertThat(r.get("reason")).isEqualTo("refused by the server: profile/tier is refused (test)");
        });

        // Run again: nothing to send, and the refusal is still in the report (it is kept in the progress file).
        ImportSummary again = importer(ImportKind.MEMBERS, file, 10, server, "s").run();
        assertThat(again.rowsSent()).isZero();
        assertThat(again.rejected()).isEqualTo(1);
        assertThat(report(file)).extracting(r -> r.get("line")).containsExactly("6");
    }

    @Test
    void shouldSendNothingAndKeepNoProgressInADryRun() throws Exception {
        Path file = copy("import/orders-bad.csv");
        FakeServer server = new FakeServer();

        ImportSummary summary = run(ImportKind.ORDERS, file, 500, server, true);

        assertThat(server.keys).isEmpty();
        assertThat(dir.resolve("state")).doesNotExist();
        assertThat(summary.rowsSent()).isEqualTo(2);
        assertThat(summary.eventsSent()).isEqualTo(3);
        assertThat(summary.rejected()).isEqualTo(6);
        assertThat(summary.describe()).contains("2 would be sent (3 events)");
        assertThat(report(file)).hasSize(6);
    }

    @Test
    void shouldImportTheSameFileForAnotherBrandOrAfterAnEditAsNew() throws Exception {
        Path file = copy("orders.csv");
        FakeServer server = new FakeServer();
        run(ImportKind.ORDERS, file, 500, server);

        ImportSettings otherBrand = new ImportSettings(ImportKind.ORDERS, file, "chayu-hk", ZoneId.of("Asia/Shanghai"),
                500, ImportSettings.defaultReport(file), false);
        ImportSummary other = new CsvImport(otherBrand, server, new ProgressStore(dir.resolve("state")),
                ProgressDisplay.NONE, CLOCK).run();
        Files.writeString(file, "SO202612010029,CY20190001,2026-12-01 10:00:00,10.00,,pos,,\n", StandardOpenOption.APPEND);
        ImportSummary edited = run(ImportKind.ORDERS, file, 500, server);

        assertThat(other.rowsSent()).isEqualTo(28);
        assertThat(server.applied).contains("imp:chayu-hk:o:SO202506010001");
        // An edited file is another file: its rows go again with the same ids (the engine drops recent repeats).
        assertThat(edited.rowsSent()).isEqualTo(29);
        assertThat(server.applied).endsWith("imp:chayu:o:SO202612010029");
    }

    private CsvImport importer(ImportKind kind, Path file, int batchSize, EventSender server, String state) {
        ImportSettings settings = new ImportSettings(kind, file, "chayu", ZoneId.of("Asia/Shanghai"), batchSize,
                ImportSettings.defaultReport(file), false);
        return new CsvImport(settings, server, new ProgressStore(dir.resolve(state)), ProgressDisplay.NONE, CLOCK);
    }
}
