package org.memberflow.api.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.memberflow.api.support.Http;
import org.memberflow.api.support.KafkaTestClient;
import org.memberflow.api.support.MemberFlowIntegrationTest;
import org.memberflow.engine.Topics;
import org.memberflow.engine.clock.TickRecord;
import org.memberflow.engine.ruleset.RuleSetActivator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 5's acceptance, on the running server: a marketer downloads the birthday decision table,
 * edits the gold row in a spreadsheet program, uploads it, simulates it on a real member,
 * activates it, and the next tick gives the member the new gift. No restart anywhere.
 */
@MemberFlowIntegrationTest
class BirthdaySpreadsheetAcceptanceTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TABLE = "org/memberflow/rules/builtin/birthday.drl.xlsx";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Value("${memberflow.engine.partitions}")
    int partitions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuleSetCatalog catalog;
    @Autowired
    RuleSetActivator activator;

    @AfterEach
    void backToTheBuiltInSet() throws Exception {
        BuiltInRuleSetRestored.restore(catalog, activator);
    }

    @Test
    void shouldGiveTheGiftAMarketerTypedIntoTheSpreadsheetAtTheNextTick() throws Exception {
        Http http = new Http(port);
        LocalDate today = LocalDate.now(SHANGHAI);
        LocalDate birthday = today.plusDays(10).withYear(1992); // a leap year: Feb 29 exists
        String member = "gold-" + UUID.randomUUID();
        assertThat(http.postJson("/api/v1/events", "{\"eventId\":\"r-" + UUID.randomUUID() + "\",\"memberId\":\"" + member
                + "\",\"type\":\"REGISTERED\",\"occurredAt\":\"" + Instant.now() + "\",\"profile\":{\"tier\":\"gold\","
                + "\"birthday\":\"" + birthday + "\",\"timeZone\":\"Asia/Shanghai\"}}").statusCode()).isEqualTo(202);
        await().atMost(WAIT).until(() -> http.get("/api/v1/members/" + member).statusCode() == 200);

        // Gold members get their gift 7 days ahead: ten days before, nothing yet. Raise it to 14 days and 88 yuan.
        HttpResponse<byte[]> download = http.getBytes("/api/v1/rulesets/1/file?path=" + TABLE);
        assertThat(download.statusCode()).isEqualTo(200);
        byte[] edited = editGoldRow(download.body(), 14, 88);
        JsonNode draft = JSON.readTree(http.postMultipart("/api/v1/rulesets",
                Map.of("name", "birthday-2026", "author", "wang.fang", "comment", "gold: 88 yuan, 14 days ahead", "base", "1"),
                Map.of(TABLE, edited)).body());
        int version = draft.get("version").asInt();
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");

        JsonNode simulation = JSON.readTree(http.postJson("/api/v1/rulesets/" + version + "/simulate",
                JSON.writeValueAsString(Map.of("memberIds", List.of(member),
                        "tick", Map.of("job", "birthday", "date", today.toString())))).body());
        assertThat(simulation.get("draft").get("actionsPerCampaign").get("birthday").asInt()).isEqualTo(1);
        assertThat(simulation.get("active").get("actionsPerCampaign").has("birthday")).isFalse();
        assertThat(simulation.get("differences").get(0).get("onlyDraft").toString())
                .contains("ISSUE_COUPON {couponTemplate=BIRTHDAY_GOLD, couponValue=88.00}");
        assertThat(birthdayGifts(member)).isEmpty(); // a simulation sends nothing

        assertThat(http.postJson("/api/v1/rulesets/" + version + "/activate", "{\"author\":\"wang.fang\"}").statusCode())
                .isEqualTo(200);
        await().atMost(WAIT).until(() -> activator.status().active().equals("birthday-2026:" + version));

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            byte[] tick = Topics.ENGINE_CLOCK.valueSerde().serializer().serialize(null, new TickRecord("birthday", today));
            for (int p = 0; p < partitions; p++) {
                kafka.send(Topics.ENGINE_CLOCK.name(), p, "birthday", tick, System.currentTimeMillis());
            }
        }
        await().atMost(WAIT).until(() -> !birthdayGifts(member).isEmpty());
        assertThat(birthdayGifts(member)).containsExactly(
                "{couponTemplate=BIRTHDAY_GOLD, couponValue=88.00}@birthday-2026:" + version);
    }

    private static byte[] editGoldRow(byte[] xlsx, int daysBefore, int value) throws Exception {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(xlsx));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                if (row.getCell(1) != null && "gold".equals(row.getCell(1).toString())) {
                    row.getCell(3).setCellValue(daysBefore);
                    row.getCell(5).setCellValue(value);
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private List<String> birthdayGifts(String member) {
        return jdbc.queryForList("SELECT params, rule_set_version FROM campaign_action WHERE member_id = ?"
                + " AND campaign_id = 'birthday'", member).stream()
                .map(r -> new TreeMap<>(JSON.readValue((String) r.get("params"), Map.class)) + "@"
                        + r.get("rule_set_version")).toList();
    }
}
