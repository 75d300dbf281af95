package org.memberflow.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.memberflow.api.ruleset.RuleSetCatalog;
import org.memberflow.api.ruleset.RuleSetVersion;
import org.memberflow.api.ruleset.TestRuleSets;
import org.memberflow.api.support.Http;
import org.memberflow.api.support.MemberFlowIntegrationTest;
import org.memberflow.engine.ruleset.RuleSetActivator;
import org.memberflow.rules.session.RuleFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The changes a MARKETER makes in the console, over HTTP as a browser sends them: a rollback sent
 * twice, an edited file uploaded by the name a browser gives it, and pausing a campaign whose id
 * is not plain ASCII.
 */
@MemberFlowIntegrationTest
class ConsoleChangesTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WELCOME = "org/memberflow/rules/builtin/welcome.drl";
    private static final String POINTS_EXPIRY = "org/memberflow/rules/builtin/points-expiry.drl";

    @LocalServerPort
    int port;
    @Autowired
    RuleSetCatalog catalog;
    @Autowired
    RuleSetActivator activator;

    @AfterEach
    void restoreTheBuiltInSet() throws Exception {
        TestRuleSets.restoreBuiltIns(catalog, activator);
    }

    @Test
    void shouldRefuseASecondRollbackFromTheSamePage() throws Exception {
        List<RuleFile> files = new ArrayList<>(catalog.files(1));
        files.add(new RuleFile("console-rollback.drl", ("// " + UUID.randomUUID() + "\n").getBytes(StandardCharsets.UTF_8)));
        int newer = catalog.upload("console-rollback", "test", "", files).version().version();
        catalog.activate(newer, "test", "to roll back from");
        RuleSetVersion previous = catalog.previouslyActive();
        assertThat(previous).isNotNull();

        ConsoleSession marketer = marketer();
        String page = marketer.get("/console/rulesets").body();
        assertThat(page).contains("name=\"from\" value=\"" + newer + "\"", "Roll back to " + previous.label());

        HttpResponse<String> first = marketer.post("/console/rulesets/rollback", Map.of("from", Integer.toString(newer)));
        assertThat(first.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/console/rulesets/" + previous.version()));
        assertThat(catalog.active().version()).isEqualTo(previous.version());

        // The double click: the same page's form again. Before, it rolled back the rollback.
        HttpResponse<String> second = marketer.post("/console/rulesets/rollback", Map.of("from", Integer.toString(newer)));
        assertThat(second.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/rulesets"));
        assertThat(catalog.active().version()).as("the second rollback changes nothing").isEqualTo(previous.version());
        assertThat(marketer.get("/console/rulesets").body())
                .contains("Nothing was rolled back: " + previous.label() + " is active now, not version " + newer);
    }

    @Test
    void shouldReplaceTheBaseFileOfTheNameABrowserSends() throws Exception {
        int base = catalog.active().version();
        assertThat(catalog.file(base, WELCOME)).isNotNull();
        byte[] edited = (new String(catalog.file(base, WELCOME).content(), StandardCharsets.UTF_8) + "// edited "
                + UUID.randomUUID() + "\n").getBytes(StandardCharsets.UTF_8);

        ConsoleSession marketer = marketer();
        marketer.get("/console/rulesets/new");
        HttpResponse<String> uploaded = marketer.postMultipart("/console/rulesets", List.of(Map.entry("name", "console-edit"),
                Map.entry("base", Integer.toString(base)), Map.entry("remove", POINTS_EXPIRY),
                Map.entry("comment", "welcome edited")), Map.of("welcome.drl", edited));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
        int version = Integer.parseInt(uploaded.headers().firstValue("Location").orElseThrow()
                .replaceAll(".*/console/rulesets/(\\d+)$", "$1"));

        List<String> paths = catalog.fileSizes(version).stream().map(RuleSetVersion.FileSize::path).toList();
        assertThat(paths.stream().filter(p -> p.endsWith("welcome.drl")).toList()).containsExactly(WELCOME);
        assertThat(catalog.file(version, WELCOME).content()).isEqualTo(edited);
        assertThat(paths).doesNotContain(POINTS_EXPIRY).hasSize(catalog.fileSizes(base).size() - 1);
    }

    @Test
    void shouldRefuseANameThatSeveralBaseFilesHave() throws Exception {
        List<RuleFile> files = new ArrayList<>(catalog.files(1));
        files.add(new RuleFile("copy/welcome.drl", ("// " + UUID.randomUUID() + "\n").getBytes(StandardCharsets.UTF_8)));
        int base = catalog.upload("console-two-welcomes", "test", "", files).version().version();
        int versions = catalog.count();

        ConsoleSession marketer = marketer();
        marketer.get("/console/rulesets/new?base=" + base);
        HttpResponse<String> refused = marketer.postMultipart("/console/rulesets", List.of(Map.entry("name", "console-edit"),
                Map.entry("base", Integer.toString(base))), Map.of("welcome.drl", "// which one?\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("several files named welcome.drl", WELCOME, "copy/welcome.drl");
        assertThat(catalog.count()).isEqualTo(versions);
    }

    @Test
    void shouldPauseACampaignOfAnyIdAndKeepItsSettings() throws Exception {
        String id = "春季 sale " + UUID.randomUUID().toString().substring(0, 8);
        String path = "/console/campaigns/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
        Http admin = new Http(port);
        assertThat(admin.putJson("/api/v1/campaigns/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"),
                "{\"name\":\"Spring\",\"budget\":{\"count\":50},\"cap\":{\"count\":2,\"periodDays\":7}}").statusCode())
                .isEqualTo(201);

        ConsoleSession marketer = marketer();
        assertThat(marketer.get(path).statusCode()).isEqualTo(200);
        HttpResponse<String> paused = marketer.post(path + "/status", Map.of("status", "PAUSED"));
        assertThat(paused.statusCode()).as(paused.body()).isEqualTo(302);
        HttpResponse<String> shown = marketer.get(URI.create(paused.headers().firstValue("Location").orElseThrow()).getRawPath());
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("The campaign is paused.", id);

        JsonNode campaign = JSON.readTree(admin.get("/api/v1/campaigns/"
                + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20")).body());
        assertThat(campaign.get("status").asString()).isEqualTo("PAUSED");
        assertThat(campaign.get("name").asString()).isEqualTo("Spring");
        assertThat(campaign.get("budget").get("count").asLong()).isEqualTo(50);
        assertThat(campaign.get("cap").get("count").asInt()).isEqualTo(2);
    }

    private ConsoleSession marketer() throws Exception {
        HttpResponse<String> issued = new Http(port).postJson("/api/v1/keys",
                "{\"name\":\"console-changes-" + UUID.randomUUID() + "\",\"role\":\"MARKETER\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        ConsoleSession session = new ConsoleSession(port);
        assertThat(session.login(JSON.readTree(issued.body()).get("key").asString()).statusCode()).isEqualTo(302);
        return session;
    }
}
