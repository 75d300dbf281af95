package org.memberflow.api.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberflow.api.support.Http;
import org.memberflow.api.support.TestKeys;
import org.memberflow.api.support.KafkaTestClient;
import org.memberflow.api.support.MemberFlowIntegrationTest;
import org.memberflow.engine.Topics;
import org.memberflow.engine.ruleset.RuleSetActivator;
import org.memberflow.engine.ruleset.RuleSetRecord;
import org.memberflow.rules.cli.RulesCli;
import org.memberflow.rules.session.BuiltInRuleSet;
import org.memberflow.rules.session.RuleFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rule-set lifecycle on the real stack: the built-in campaigns seeded as version 1, uploads
 * checked and stored, activation reaching the running engine without a restart, rollback, the
 * audit, and an instance that cannot compile a published version staying on the one it runs.
 * Every test leaves version 1 active, as the other tests of the shared server expect.
 */
@MemberFlowIntegrationTest
class RuleSetLifecycleTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SPRING_WELCOME = """
            package org.memberflow.rules.builtin

            import org.memberflow.rules.fact.MemberEvent
            import org.memberflow.rules.fact.EventType

            global org.memberflow.rules.decision.Decisions decisions

            // 欢迎礼, spring edition
            rule "welcome coupon"
            when
                MemberEvent( type == EventType.REGISTERED )
            then
                decisions.issueCoupon("welcome", "once", "WELCOME_SPRING");
            end
            """;

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuleSetCatalog catalog;
    @Autowired
    RuleSetActivator activator;
    @Autowired
    RuleSetReconciler reconciler;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @AfterEach
    void backToTheBuiltInSet() throws Exception {
        BuiltInRuleSetRestored.restore(catalog, activator);
    }

    @Test
    void shouldSeedTheBuiltInCampaignsAsActiveVersionOne() throws Exception {
        JsonNode active = json(http.get("/api/v1/rulesets/active"), 200);
        assertThat(active.get("version").asInt()).isEqualTo(1);
        assertThat(active.get("name").asString()).isEqualTo(BuiltInRuleSet.NAME);
        assertThat(active.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(active.get("files").toString()).contains("welcome.drl");
        assertThat(activator.status().active()).isEqualTo("built-in:1");

        HttpResponse<String> file = http.get("/api/v1/rulesets/1/file?path=org/memberflow/rules/builtin/welcome.drl");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).contains("rule \"welcome coupon\"");
    }

    @Test
    void shouldRefuseABrokenRuleSetWithEveryErrorAndStoreNothing() throws Exception {
        int before = catalog.count();
        HttpResponse<String> refused = http.postJson("/api/v1/rulesets", JSON.writeValueAsString(Map.of(
                "name", "broken", "author", "li.na", "files", List.of(
                        Map.of("path", "a.drl", "content", SPRING_WELCOME.replace("MemberEvent(", "MemberEvnt(")),
                        Map.of("path", "b.drl", "content", SPRING_WELCOME.replace("decisions.issueCoupon",
                                "System.exit(1); decisions.issueCoupon"))))));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("type").asString()).endsWith("/rule-set-rejected");
        List<String> files = new ArrayList<>();
        problem.get("errors").forEach(e -> files.add(e.get("file").asString() + ":" + e.get("line").asInt()));
        assertThat(files).contains("b.drl:13").anyMatch(f -> f.startsWith("a.drl:"));
        assertThat(catalog.count()).isEqualTo(before);
        assertThat(catalog.active().version()).isEqualTo(1);
    }

    @Test
    void shouldNameTheBadFieldsOfAnUpload() throws Exception {
        HttpResponse<String> bad = http.postJson("/api/v1/rulesets", "{\"name\":\"a b\",\"files\":[{\"path\":\"x.drl\"}]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"pointer\":\"/name\"", "\"pointer\":\"/author\"", "\"pointer\":\"/files/0\"");

        HttpResponse<String> badBase = http.postJson("/api/v1/rulesets", "{\"name\":\"x\",\"author\":\"a\",\"base\":9999,"
                + "\"files\":[{\"path\":\"a.drl\",\"content\":\"\"}]}");
        assertThat(badBase.statusCode()).isEqualTo(400);
        assertThat(badBase.body()).contains("\"pointer\":\"/base\"");

        HttpResponse<String> twice = http.postJson("/api/v1/rulesets", "{\"name\":\"x\",\"author\":\"a\",\"remove\":[null],"
                + "\"files\":[{\"path\":\"a.drl\",\"content\":\"\"},{\"path\":\"a.drl\",\"content\":\"\"}]}");
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).contains("\"pointer\":\"/files/1\"", "\"pointer\":\"/remove\"", "\"pointer\":\"/remove/0\"");

        assertThat(http.get("/api/v1/rulesets?page=99999999&size=100").statusCode()).isEqualTo(400);

        HttpResponse<String> notANumber = http.postJson("/api/v1/rulesets/1/simulate",
                "{\"sample\":\"ten\",\"tick\":{\"date\":\"2026-02-30\"}}");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(notANumber.body()).contains("\"pointer\":\"/sample\"");

        HttpResponse<String> missing = http.get("/api/v1/rulesets/9999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("rule-set-not-found");
    }

    @Test
    void shouldUploadDiffActivateAndRollBackWithoutARestart() throws Exception {
        // A marketer edits one file of the active version and sends just that file.
        HttpResponse<String> uploaded = http.postMultipart("/api/v1/rulesets",
                Map.of("name", "spring", "author", "li.na", "comment", "spring welcome", "base", "1"),
                Map.of("org/memberflow/rules/builtin/welcome.drl", SPRING_WELCOME.getBytes(StandardCharsets.UTF_8)));
        JsonNode draft = json(uploaded, 201);
        int version = draft.get("version").asInt();
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(uploaded.headers().firstValue("Location")).hasValue("/api/v1/rulesets/" + version);
        assertThat(draft.get("files").size()).isEqualTo(catalog.files(1).size());

        String diff = json(http.get("/api/v1/rulesets/" + version + "/diff"), 200).toString();
        assertThat(diff).contains("\"change\":\"CHANGED\"", "-    decisions.issueCoupon(\\\"welcome\\\", \\\"once\\\", \\\"WELCOME\\\");",
                "+    decisions.issueCoupon(\\\"welcome\\\", \\\"once\\\", \\\"WELCOME_SPRING\\\");");

        // The same files again are the same version, not a copy.
        HttpResponse<String> again = http.postMultipart("/api/v1/rulesets",
                Map.of("name", "spring", "author", "li.na", "base", "1"),
                Map.of("org/memberflow/rules/builtin/welcome.drl", SPRING_WELCOME.getBytes(StandardCharsets.UTF_8)));
        assertThat(json(again, 200).get("version").asInt()).isEqualTo(version);

        JsonNode active = json(http.postJson("/api/v1/rulesets/" + version + "/activate",
                "{\"author\":\"li.na\",\"comment\":\"go\"}"), 200);
        assertThat(active.get("status").asString()).isEqualTo("ACTIVE");
        await().atMost(WAIT).until(() -> activator.status().active().equals("spring:" + version));
        assertThat(catalog.get(1).status()).isEqualTo(RuleSetStatus.RETIRED);

        String member = register();
        await().atMost(WAIT).until(() -> !actionsOf(member).isEmpty());
        assertThat(actionsOf(member)).containsExactly("WELCOME_SPRING@spring:" + version);

        JsonNode rolledBack = json(http.postJson("/api/v1/rulesets/rollback", "{\"author\":\"li.na\"}"), 200);
        assertThat(rolledBack.get("version").asInt()).isEqualTo(1);
        await().atMost(WAIT).until(() -> activator.status().active().equals("built-in:1"));
        String later = register();
        await().atMost(WAIT).until(() -> !actionsOf(later).isEmpty());
        assertThat(actionsOf(later)).containsExactly("WELCOME@built-in:1");

        List<String> audit = new ArrayList<>();
        json(http.get("/api/v1/rulesets/audit?size=5"), 200)
                .forEach(a -> audit.add(a.get("action").asString() + " " + a.get("version").asInt() + " " + a.get("actor").asString()));
        assertThat(audit).startsWith("ACTIVATED 1 li.na", "RETIRED " + version + " li.na", "ACTIVATED " + version + " li.na",
                "RETIRED 1 li.na", "UPLOADED " + version + " li.na");
    }

    @Test
    void shouldGiveEveryEventExactlyOneDecisionWhileTheRuleSetIsSwapped() throws Exception {
        // The swapped-in set welcomes under a campaign of its own: an event decided by both sets
        // (replayed across the swap) would show as two actions, which the once-per-period memory
        // of one campaign could not hide.
        int version = catalog.upload("swap", "test", "", List.of(new RuleFile("welcome.drl",
                SPRING_WELCOME.replace("issueCoupon(\"welcome\"", "issueCoupon(\"welcome-swap\"")
                        .getBytes(StandardCharsets.UTF_8)))).version().version();
        List<String> members = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        // A steady stream of registrations, batches of 10, while the set is activated and rolled back under it.
        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
            while (running.get()) {
                StringBuilder batch = new StringBuilder("[");
                for (int i = 0; i < 10; i++) {
                    String member = "swap-" + UUID.randomUUID();
                    members.add(member);
                    batch.append(i > 0 ? "," : "").append(registered(member));
                }
                try {
                    // Each batch waits for the broker's acknowledgement: that paces the stream.
                    assertThat(http.postJson("/api/v1/events", batch + "]").statusCode()).isEqualTo(202);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        String welcomes = " FROM campaign_action WHERE member_id LIKE 'swap-%' AND campaign_id IN ('welcome', 'welcome-swap')";
        String decidedBy = "SELECT COUNT(*)" + welcomes + " AND rule_set_version = ?";
        // Each phase lasts until the stream has been decided by the version of that phase.
        await().atMost(WAIT).until(() -> count(decidedBy, "built-in:1") > 0);
        catalog.activate(version, "test", "swap under load");
        await().atMost(WAIT).until(() -> count(decidedBy, "swap:" + version) > 0);
        int builtInBefore = count(decidedBy, "built-in:1");
        catalog.activate(1, "test", "and back");
        await().atMost(WAIT).until(() -> count(decidedBy, "built-in:1") > builtInBefore
                && activator.status().active().equals("built-in:1"));
        running.set(false);
        stream.get();

        await().atMost(WAIT).until(() -> count("SELECT COUNT(*)" + welcomes) >= members.size());
        // A replayed event's second action, if any, would arrive within this time: none may.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> count("SELECT COUNT(*)" + welcomes) == members.size());
        List<Map<String, Object>> perMember = jdbc.queryForList("SELECT member_id, COUNT(*) AS n" + welcomes
                + " GROUP BY member_id");
        assertThat(perMember).hasSize(members.size()).allSatisfy(row -> assertThat(((Number) row.get("n")).intValue()).isEqualTo(1));
        // Both versions decided some of the stream: the swap happened under it.
        assertThat(jdbc.queryForList("SELECT DISTINCT rule_set_version" + welcomes, String.class))
                .contains("built-in:1", "swap:" + version);
        // And on the topic itself, once per member: the swap replayed nothing.
        long onTopic;
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            onTopic = kafka.readAll(Topics.CAMPAIGN_ACTIONS.name()).stream()
                    .map(r -> KafkaTestClient.text(r.value()))
                    .filter(v -> v.contains("\"memberId\":\"swap-") && v.contains("\"campaignId\":\"welcome")).count();
        }
        assertThat(onTopic).isEqualTo(members.size());
    }

    @Test
    void shouldSimulateADraftOnDescribedAndRealMembersWithoutEmittingAnything() throws Exception {
        int version = catalog.upload("sim", "test", "", List.of(new RuleFile(
                "welcome.drl", SPRING_WELCOME.getBytes(StandardCharsets.UTF_8)))).version().version();
        String real = register();
        await().atMost(WAIT).until(() -> !actionsOf(real).isEmpty());
        String described = "sim-" + UUID.randomUUID();

        JsonNode simulation = json(http.postJson("/api/v1/rulesets/" + version + "/simulate", JSON.writeValueAsString(
                Map.of("sample", 5, "memberIds", List.of(real), "members", List.of(Map.of("memberId", described,
                        "events", List.of(JSON.readTree(registered(described)))))))), 200);

        assertThat(simulation.get("members").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(simulation.get("events").asInt()).isEqualTo(1);
        JsonNode draft = simulation.get("draft");
        JsonNode active = simulation.get("active");
        assertThat(draft.get("version").asString()).isEqualTo("sim:" + version);
        assertThat(active.get("version").asString()).isEqualTo("built-in:1");
        assertThat(draft.get("firings").get("welcome coupon").asInt()).isEqualTo(1);
        assertThat(draft.get("actionsPerCampaign").get("welcome").asInt()).isEqualTo(1);
        assertThat(active.get("actionsPerCampaign").get("welcome").asInt()).isEqualTo(1);
        JsonNode difference = simulation.get("differences").get(0);
        assertThat(difference.get("memberId").asString()).isEqualTo(described);
        assertThat(difference.get("onlyDraft").toString()).contains("welcome/once ISSUE_COUPON {couponTemplate=WELCOME_SPRING}");
        assertThat(difference.get("onlyActive").toString()).contains("welcome/once ISSUE_COUPON {couponTemplate=WELCOME}");
        assertThat(simulation.get("segmentShifts").toString()).contains("\"from\":null,\"to\":\"prospect\"");

        // Nothing was emitted: the described member is unknown to the engine and the action log.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> actionsOf(described).isEmpty());
        assertThat(http.get("/api/v1/members/" + described).statusCode()).isEqualTo(404);

        HttpResponse<String> bad = http.postJson("/api/v1/rulesets/" + version + "/simulate",
                "{\"sample\":0,\"memberIds\":[\"nobody-" + UUID.randomUUID() + "\"],\"members\":[{\"memberId\":\"x\","
                        + "\"events\":[{\"eventId\":\"e\",\"memberId\":\"y\",\"type\":\"CHECK_IN\","
                        + "\"occurredAt\":\"2026-05-20T08:00:00Z\"}]}]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"pointer\":\"/sample\"", "\"pointer\":\"/memberIds/0\"",
                "\"pointer\":\"/members/0/events/0/memberId\"");
    }

    @Test
    void shouldExplainWhichRulesFiredForAMemberAndWhyTheOthersDidNot() throws Exception {
        String member = register();
        await().atMost(WAIT).until(() -> !actionsOf(member).isEmpty());

        // Woken by a tick: nothing fires, and each rule says which condition stopped it.
        JsonNode tick = json(http.postJson("/api/v1/rulesets/1/explain", "{\"memberId\":\"" + member + "\"}"), 200);
        assertThat(tick.get("ruleSet").asString()).isEqualTo("built-in:1");
        assertThat(tick.get("facts").toString()).contains("\"type\":\"MemberView\"", "\"type\":\"Today\"");
        Map<String, JsonNode> rules = new HashMap<>();
        tick.get("rules").forEach(r -> rules.put(r.get("rule").asString(), r));
        assertThat(rules.get("welcome coupon").get("fired").asInt()).isZero();
        assertThat(rules.get("welcome coupon").get("whyNot").asString()).isEqualTo("there is no MemberEvent fact");
        assertThat(rules.get("churn recall after 30 days").get("whyNot").asString())
                .isEqualTo("`lastPurchaseDate != null` is not true for MemberView");

        // With the registration again: the welcome rule fires, and its decision is dropped as already taken.
        JsonNode again = json(http.postJson("/api/v1/rulesets/1/explain", JSON.writeValueAsString(Map.of(
                "memberId", member, "event", JSON.readTree(registered(member))))), 200);
        JsonNode welcome = null;
        for (JsonNode r : again.get("rules")) {
            if (r.get("rule").asString().equals("welcome coupon")) {
                welcome = r;
            }
        }
        assertThat(welcome.get("fired").asInt()).isEqualTo(1);
        assertThat(welcome.get("decisions").toString()).contains("welcome/once ISSUE_COUPON {couponTemplate=WELCOME}");
        assertThat(welcome.get("dropped").toString()).contains("welcome/once");
        assertThat(welcome.get("whyNot").isNull()).isTrue();

        HttpResponse<String> unknown = http.postJson("/api/v1/rulesets/1/explain", "{\"memberId\":\"nobody-x\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("member-not-found");
    }

    @Test
    void shouldDeployRulesKeptInGitFromTheCommandLine(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("welcome.drl"), SPRING_WELCOME);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int unauthorized = RulesCli.run(new String[] {"deploy", "--server", "http://localhost:" + port, "--key", "",
                "--name", "from-git", "--author", "ci", dir.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(unauthorized).isEqualTo(3);
        assertThat(err.toString()).contains("refused the API key (401)");
        int exit = RulesCli.run(new String[] {"deploy", "--server", "http://localhost:" + port, "--key", TestKeys.ADMIN,
                "--name", "from-git", "--author", "ci", "--comment", "commit abc123", dir.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(exit).as(err.toString()).isZero();
        RuleSetVersion active = catalog.active();
        assertThat(active.name()).isEqualTo("from-git");
        assertThat(active.comment()).isEqualTo("commit abc123");
        assertThat(out.toString()).contains("version " + active.version() + " active");
        await().atMost(WAIT).until(() -> activator.status().active().equals("from-git:" + active.version()));

        Files.writeString(dir.resolve("welcome.drl"), SPRING_WELCOME.replace("MemberEvent(", "Nope("));
        int refused = RulesCli.run(new String[] {"deploy", "--server", "http://localhost:" + port,
                "--key", TestKeys.ADMIN, "--name", "from-git", "--author", "ci", dir.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(refused).isEqualTo(1);
        assertThat(err.toString()).contains("rule-set-rejected", "welcome.drl");
        assertThat(catalog.active().version()).isEqualTo(active.version());
    }

    @Test
    void shouldStayOnTheRunningVersionWhenAPublishedOneDoesNotCompileHere() throws Exception {
        byte[] broken = SPRING_WELCOME.replace("MemberEvent(", "NoSuchFact(").getBytes(StandardCharsets.UTF_8);
        try {
            try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
                RuleSetRecord record = new RuleSetRecord("future", 77, "0".repeat(64), "test", Instant.now(),
                        List.of(new RuleSetRecord.File("welcome.drl", broken)));
                kafka.send(Topics.RULE_SETS.name(), null, RuleSetRecord.KEY,
                        Topics.RULE_SETS.valueSerde().serializer().serialize("rule-sets", record), null);
            }
            await().atMost(WAIT).until(() -> activator.status().stale());
            assertThat(activator.status().active()).isEqualTo("built-in:1");
            assertThat(activator.status().published()).isEqualTo("future:77");
            String health = http.get("/actuator/health").body();
            assertThat(health).contains("\"ruleSet\":{\"details\":{\"active\":\"built-in:1\"", "\"stale\":true",
                    "NoSuchFact");
            assertThat(http.get("/actuator/health").body()).contains("\"stale\":true");

            String member = register();
            await().atMost(WAIT).until(() -> !actionsOf(member).isEmpty());
            assertThat(actionsOf(member)).containsExactly("WELCOME@built-in:1");
        } finally {
            // The topic now disagrees with the catalogue; the reconciler publishes the catalogue's version again.
            reconciler.reconcile();
            await().atMost(WAIT).until(() -> !activator.status().stale());
        }
        assertThat(activator.status().published()).isEqualTo("built-in:1");
    }

    private String register() throws Exception {
        String member = "m-" + UUID.randomUUID();
        assertThat(http.postJson("/api/v1/events", registered(member)).statusCode()).isEqualTo(202);
        return member;
    }

    private static String registered(String member) {
        return "{\"eventId\":\"r-" + UUID.randomUUID() + "\",\"memberId\":\"" + member
                + "\",\"type\":\"REGISTERED\",\"occurredAt\":\"2026-05-20T08:00:00Z\"}";
    }

    /** The member's welcome actions as {@code template@ruleSetVersion}. */
    private List<String> actionsOf(String member) {
        return jdbc.queryForList("SELECT params, rule_set_version FROM campaign_action WHERE member_id = ?"
                + " AND campaign_id = 'welcome'", member).stream()
                .map(r -> JSON.readTree((String) r.get("params")).get("couponTemplate").asString() + "@" + r.get("rule_set_version"))
                .toList();
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }
}
