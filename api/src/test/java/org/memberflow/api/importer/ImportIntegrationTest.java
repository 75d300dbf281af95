package org.memberflow.api.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberflow.api.support.Http;
import org.memberflow.api.support.MemberFlowIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code scripts/import} against the real server: the sample members and orders land in member
 * state without welcome coupons or other reactions to old events, a second run adds nothing, an
 * import cut off and resumed ends where a clean one does, and the bad samples are reported by line.
 */
@MemberFlowIntegrationTest
class ImportIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Events per member of the samples, counted by hand: a registration, an opening balance, orders, refunds. */
    private static final Map<String, Integer> EVENTS = Map.ofEntries(Map.entry("CY20190001", 7),
            Map.entry("CY20190002", 6), Map.entry("CY20200003", 5), Map.entry("CY20200004", 1), Map.entry("CY20210005", 5),
            Map.entry("CY20210006", 4), Map.entry("CY20220007", 4), Map.entry("CY20230008", 5), Map.entry("CY20240009", 3),
            Map.entry("CY20250010", 4), Map.entry("CY20250011", 5), Map.entry("CY20260012", 4));
    /** Campaigns that answer what a member just did: none of them may act on imported history. */
    private static final Set<String> EVENT_CAMPAIGNS = Set.of("welcome", "rfm-class-change", "churn-recall",
            "churn-recall-60", "check-in-streak");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @TempDir
    Path dir;
    private Http http;
    private String ingestKey;

    @BeforeEach
    void ingestKey() throws Exception {
        http = new Http(port);
        String issued = http.postJson("/api/v1/keys", "{\"name\":\"import-" + UUID.randomUUID() + "\",\"role\":\"INGEST\"}")
                .body();
        ingestKey = JSON.readTree(issued).get("key").asString();
    }

    @Test
    void shouldImportTheSampleMembersAndOrdersWithoutWelcomingThemAndAddNothingTheSecondTime() throws Exception {
        String p = prefix();
        Path members = prefixed(CsvImportTest.SAMPLES.resolve("members.csv"), p);
        Path orders = prefixed(CsvImportTest.SAMPLES.resolve("orders.csv"), p);

        assertThat(cli("members", members)).isEqualTo("0 " + "members.csv: 12 rows read, 12 sent (22 events), 0 already"
                + " imported, 0 rejected");
        assertThat(cli("orders", orders)).isEqualTo("0 orders.csv: 28 rows read, 28 sent (31 events), 0 already imported,"
                + " 0 rejected");

        Map<String, JsonNode> imported = awaitAll(p);
        JsonNode first = imported.get(p + "CY20190001");
        assertThat(first.get("brandId").asString()).isEqualTo("chayu");
        assertThat(first.get("tier").asString()).isEqualTo("platinum");
        assertThat(first.get("registeredOn").asString()).isEqualTo("2019-03-08");
        assertThat(first.get("birthday").asString()).isEqualTo("1988-05-20");
        assertThat(first.get("lifetimePurchases").asLong()).isEqualTo(5);
        assertThat(first.get("lifetimeSpend").decimalValue()).isEqualByComparingTo("2747.00");
        assertThat(imported.get(p + "CY20210005").get("lifetimeSpend").decimalValue()).isEqualByComparingTo("2088.00");
        assertThat(imported.get(p + "CY20200004").get("pointsBalance").asLong()).isZero();
        assertThat(imported.get(p + "CY20210006").get("pointsBalance").asLong()).isEqualTo(600); // no expiry

        // Again: nothing is sent, and every member is as it was.
        assertThat(cli("members", members)).startsWith("0 members.csv: imported before; nothing to send. 12 rows read,"
                + " 0 sent (0 events), 12 already imported");
        assertThat(cli("orders", orders)).startsWith("0 orders.csv: imported before; nothing to send. 28 rows read, 0 sent");
        assertThat(awaitAll(p)).allSatisfy((id, member) -> assertThat(facts(member)).isEqualTo(facts(imported.get(id))));

        // A live registration of one of them is welcomed; decisions of one member keep their order, so by the time
        // its coupon is in the log, any action the imported events had caused would be there before it.
        String live = p + "CY20260012";
        assertThat(http.postJson("/api/v1/events", "{\"eventId\":\"live-" + UUID.randomUUID() + "\",\"memberId\":\"" + live
                + "\",\"type\":\"REGISTERED\",\"occurredAt\":\"" + Instant.now() + "\"}").statusCode()).isEqualTo(202);
        await().atMost(WAIT).until(() -> campaigns(actions(live)).contains("welcome"));
        assertThat(actions(live)).filteredOn(a -> a.get("campaignId").asString().equals("welcome")).singleElement()
                .satisfies(a -> assertThat(a.get("causeEventId").asString()).startsWith("live-"));
        for (String id : EVENTS.keySet()) {
            assertThat(actions(p + id)).as(id).noneMatch(a -> a.get("causeEventId").asString().startsWith("imp:")
                    && EVENT_CAMPAIGNS.contains(a.get("campaignId").asString()));
        }
    }

    @Test
    void shouldEndAnImportCutOffAndResumedWhereACleanImportEnds() throws Exception {
        String clean = prefix();
        String cut = prefix();
        assertThat(cli("members", prefixed(CsvImportTest.SAMPLES.resolve("members.csv"), clean), "--batch-size", "4"))
                .startsWith("0 ");
        assertThat(cli("orders", prefixed(CsvImportTest.SAMPLES.resolve("orders.csv"), clean), "--batch-size", "4"))
                .startsWith("0 ");

        Path members = prefixed(CsvImportTest.SAMPLES.resolve("members.csv"), cut);
        Path orders = prefixed(CsvImportTest.SAMPLES.resolve("orders.csv"), cut);
        // The members stop before their 3rd batch; the 4th batch of orders reaches the server but its answer is lost.
        assertThatThrownBy(() -> importer(members, ImportKind.MEMBERS, new CuttingSender(sender(), 3, false)).run())
                .isInstanceOf(ServerFailedException.class);
        assertThat(cli("members", members, "--batch-size", "4")).startsWith("0 members.csv: 12 rows read, 8 sent");
        assertThatThrownBy(() -> importer(orders, ImportKind.ORDERS, new CuttingSender(sender(), 4, true)).run())
                .isInstanceOf(ServerFailedException.class);
        assertThat(cli("orders", orders, "--batch-size", "4")).startsWith("0 orders.csv: 28 rows read, ");

        Map<String, JsonNode> cleanRun = awaitAll(clean);
        Map<String, JsonNode> resumed = awaitAll(cut);
        for (String id : EVENTS.keySet()) {
            assertThat(facts(resumed.get(cut + id))).as(id).isEqualTo(facts(cleanRun.get(clean + id)));
        }
    }

    @Test
    void shouldReportTheBadSamplesRowsByLineAndImportTheOthers() throws Exception {
        String p = prefix();
        Path members = prefixed(Path.of(getClass().getResource("/import/members-bad.csv").toURI()), p);
        Path orders = prefixed(Path.of(getClass().getResource("/import/orders-bad.csv").toURI()), p);

        assertThat(cli("members", members)).startsWith("1 members-bad.csv: 11 rows read, 3 sent (6 events), 0 already"
                + " imported, 8 rejected");
        assertThat(cli("orders", orders)).startsWith("1 orders-bad.csv: 8 rows read, 2 sent (3 events), 0 already"
                + " imported, 6 rejected");

        assertThat(CsvImportTest.report(members)).extracting(r -> r.get("line") + " " + r.get("column"))
                .containsExactly("3 birthday", "6 registered_at", "7 time_zone", "8 points", "9 member_id", "11 phone",
                        "12 ", "13 tags");
        assertThat(CsvImportTest.report(orders)).extracting(r -> r.get("line") + " " + r.get("column"))
                .containsExactly("3 amount", "4 amount", "5 occurred_at", "6 refunded_amount", "7 member_id", "8 amount");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(member(p + "BAD0001").get("eventCount").asLong()).isEqualTo(3); // registration, points, BO0001
            assertThat(member(p + "BAD0011").get("lifetimeSpend").decimalValue()).isEqualByComparingTo("200.00");
            assertThat(member(p + "BAD0003").get("tags").toString()).isEqualTo("[\"老客\",\"咖啡\"]");
        });
        assertThat(http.get("/api/v1/members/" + p + "BAD0002").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldLeaveTheImporterOutOfTheServersBeans() {
        assertThat(Arrays.stream(context.getBeanDefinitionNames()).map(context::getType).filter(t -> t != null)
                .map(Class::getPackageName)).doesNotContain(CsvImport.class.getPackageName());
    }

    /** {@code scripts/import KIND FILE} in-process, as the INGEST key; the exit code, a space and what it printed. */
    private String cli(String kind, Path file, String... more) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of(kind, file.toString(), "--brand", "chayu", "--server",
                "http://localhost:" + port, "--key", ingestKey, "--state-dir", dir.resolve("state").toString(),
                "--retries", "3"));
        args.addAll(List.of(more));
        int code = ImportCli.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true),
                ProgressDisplay.NONE);
        assertThat(err.toString()).as("standard error").isEmpty();
        return code + " " + out.toString().strip();
    }

    private EventSender sender() {
        return new HttpEventSender("http://localhost:" + port, ingestKey, new RetryPolicy(3, Duration.ofMillis(100),
                Duration.ofSeconds(1)));
    }

    private CsvImport importer(Path file, ImportKind kind, EventSender sender) {
        return new CsvImport(new ImportSettings(kind, file, "chayu", ZoneId.of("Asia/Shanghai"), 4,
                ImportSettings.defaultReport(file), false), sender,
                new ProgressStore(dir.resolve("state").resolve(ImportCli.FileCommand.serverFolder("http://localhost:" + port))),
                ProgressDisplay.NONE, Clock.systemUTC());
    }

    /** A sender that fails at its {@code at}-th batch: before sending it, or after (the answer lost). */
    private static final class CuttingSender implements EventSender {
        private final EventSender real;
        private final int at;
        private final boolean afterSending;
        private int calls;

        CuttingSender(EventSender real, int at, boolean afterSending) {
            this.real = real;
            this.at = at;
            this.afterSending = afterSending;
        }

        @Override
        public Answer send(byte[] body, String idempotencyKey) throws ServerFailedException, InterruptedException {
            if (++calls == at && !afterSending) {
                throw new ServerFailedException("cut off (test)");
            }
            Answer answer = real.send(body, idempotencyKey);
            if (calls == at) {
                throw new ServerFailedException("answer lost (test)");
            }
            return answer;
        }
    }

    private static String prefix() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    /** A copy of a sample whose member and order ids start with {@code prefix}: members of this test alone. */
    private Path prefixed(Path sample, String prefix) throws Exception {
        Path copy = dir.resolve(prefix + "x").resolve(sample.getFileName());
        Files.createDirectories(copy.getParent());
        String text = Files.readString(sample, StandardCharsets.UTF_8).replace("\uFEFF", "");
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(new java.io.StringReader(text));
             CSVPrinter printer = new CSVPrinter(Files.newBufferedWriter(copy, StandardCharsets.UTF_8),
                     CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            List<String> header = null;
            for (CSVRecord record : parser) {
                List<String> values = new ArrayList<>(record.toList());
                if (header == null) {
                    header = values;
                } else {
                    for (int i = 0; i < values.size() && i < header.size(); i++) {
                        boolean id = header.get(i).equals("member_id") || header.get(i).equals("order_id");
                        if (id && !values.get(i).isEmpty()) {
                            values.set(i, prefix + values.get(i));
                        }
                    }
                }
                if (values.size() == 1 && values.get(0).isEmpty()) {
                    printer.println(); // keep blank lines, so the line numbers stay the sample's
                } else {
                    printer.printRecord(values);
                }
            }
        }
        return copy;
    }

    /** Every sample member once all their events are in. */
    private Map<String, JsonNode> awaitAll(String prefix) {
        Map<String, JsonNode> members = new LinkedHashMap<>();
        await().atMost(WAIT).untilAsserted(() -> {
            for (Map.Entry<String, Integer> e : EVENTS.entrySet()) {
                JsonNode member = member(prefix + e.getKey());
                assertThat(member.path("eventCount").asLong()).as(e.getKey()).isEqualTo(e.getValue().longValue());
                members.put(prefix + e.getKey(), member);
            }
        });
        return members;
    }

    private JsonNode member(String id) throws Exception {
        var response = http.get("/api/v1/members/" + id);
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createObjectNode();
    }

    private List<JsonNode> actions(String memberId) throws Exception {
        List<JsonNode> actions = new ArrayList<>();
        JSON.readTree(http.get("/api/v1/members/" + memberId + "/actions").body()).path("actions").forEach(actions::add);
        return actions;
    }

    private static List<String> campaigns(List<JsonNode> actions) {
        return actions.stream().map(a -> a.get("campaignId").asString()).toList();
    }

    /** What the member's history made of them, without the member id and the time of the snapshot. */
    private static Map<String, String> facts(JsonNode member) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (String field : List.of("brandId", "tier", "tags", "birthday", "timeZone", "registeredOn", "pointsBalance",
                "nextPointsExpiry", "lastPurchaseDate", "lifetimePurchases", "lifetimeSpend", "frequency", "monetary",
                "eventCount")) {
            facts.put(field, String.valueOf(member.get(field)));
        }
        return facts;
    }
}
