package org.memberflow.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.memberflow.api.ruleset.RuleSetCatalog;
import org.memberflow.api.security.Role;
import org.memberflow.api.support.Http;
import org.memberflow.api.support.MemberFlowIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's security chain over plain HTTP: the login with an API key, the role matrix of
 * every console page (anonymous to the login page, a role too small to the 403 page), CSRF,
 * session fixation, revoked keys, and that a console session opens nothing of the API.
 */
@MemberFlowIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleSecurityTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WELCOME = "org/memberflow/rules/builtin/welcome.drl";

    /** Who may use a console page: anyone (the login and its assets), or a role and those above it. */
    enum Needs { PUBLIC, VIEWER, MARKETER }

    /** @param own the status of the page's own answer, or -1 for any that is not a refusal */
    record Row(String method, String pattern, String path, Needs needs, int own) {
        Row(String method, String pattern, String path, Needs needs) {
            this(method, pattern, path, needs, -1);
        }
    }

    /** Every console mapping; the POSTs send what changes nothing (unknown ids, bad fields). */
    private static final List<Row> PAGES = List.of(
            new Row("GET", "/login", "/login", Needs.PUBLIC),
            new Row("GET", "/", "/", Needs.VIEWER),
            new Row("GET", "/console/denied", "/console/denied", Needs.VIEWER, 403),
            new Row("GET", "/console/rulesets", "/console/rulesets", Needs.VIEWER),
            new Row("GET", "/console/rulesets/new", "/console/rulesets/new", Needs.VIEWER),
            new Row("GET", "/console/rulesets/{version}", "/console/rulesets/1", Needs.VIEWER),
            new Row("GET", "/console/rulesets/{version}/edit", "/console/rulesets/1/edit?path=" + WELCOME, Needs.VIEWER),
            new Row("GET", "/console/rulesets/{version}/file", "/console/rulesets/1/file?path=" + WELCOME, Needs.VIEWER),
            new Row("GET", "/console/rulesets/{version}/diff", "/console/rulesets/1/diff?against=1", Needs.VIEWER),
            new Row("POST", "/console/rulesets", "/console/rulesets", Needs.MARKETER),
            new Row("POST", "/console/rulesets/validate", "/console/rulesets/validate", Needs.MARKETER),
            new Row("POST", "/console/rulesets/{version}/simulate", "/console/rulesets/999999/simulate", Needs.MARKETER),
            new Row("POST", "/console/rulesets/{version}/activate", "/console/rulesets/999999/activate", Needs.MARKETER),
            new Row("POST", "/console/rulesets/rollback", "/console/rulesets/rollback", Needs.MARKETER),
            new Row("GET", "/console/campaigns", "/console/campaigns", Needs.VIEWER),
            new Row("GET", "/console/campaigns/{campaignId}", "/console/campaigns/no-such", Needs.VIEWER),
            new Row("POST", "/console/campaigns/{campaignId}/status", "/console/campaigns/no-such/status", Needs.MARKETER),
            new Row("GET", "/console/members", "/console/members?id=nobody", Needs.VIEWER));

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    RuleSetCatalog catalog;

    private final Map<Role, String> keys = new EnumMap<>(Role.class);

    @BeforeAll
    void issueAKeyOfEachRole() throws Exception {
        for (Role role : Role.values()) {
            keys.put(role, issue(role));
        }
    }

    @Test
    void shouldSendAnAnonymousVisitorToTheLoginPage() throws Exception {
        ConsoleSession anonymous = new ConsoleSession(port);
        HttpResponse<String> home = anonymous.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        HttpResponse<String> login = anonymous.get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"key\"", "name=\"_csrf\"");
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("script-src 'self'"));

        HttpResponse<String> htmx = anonymous.get("/console/rulesets", Map.of("HX-Request", "true"));
        assertThat(htmx.statusCode()).isEqualTo(401);
        assertThat(htmx.headers().firstValue("HX-Redirect")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void shouldRefuseAnUnknownKeyAndAnIngestKeyWithAMessage() throws Exception {
        ConsoleSession session = new ConsoleSession(port);
        HttpResponse<String> bad = session.login("mfk_nosuchkey000_" + "x".repeat(43));
        assertThat(bad.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error=key"));
        HttpResponse<String> shown = session.get("/login?error=key");
        assertThat(shown.body()).as(shown.statusCode() + " " + shown.headers().map())
                .contains("That key is unknown or revoked.").doesNotContain("Exception");
        assertThat(session.login("").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error=key"));

        HttpResponse<String> ingest = new ConsoleSession(port).login(keys.get(Role.INGEST));
        assertThat(ingest.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error=role"));
        assertThat(session.get("/login?error=role").body()).contains("An INGEST key only sends events");
    }

    @Test
    void shouldGiveANewSessionIdOnLoginAndEndTheSessionOnLogout() throws Exception {
        ConsoleSession session = new ConsoleSession(port);
        session.get("/login");
        String before = session.sessionId();
        assertThat(before).isNotNull();
        HttpResponse<String> login = session.login(keys.get(Role.VIEWER));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(session.sessionId()).isNotNull().isNotEqualTo(before);
        assertThat(session.get("/").statusCode()).isEqualTo(200);

        HttpResponse<String> logout = session.post("/logout", Map.of());
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
        assertThat(session.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void shouldAnswerEveryConsolePageAsTheTableSays() throws Exception {
        Map<Role, ConsoleSession> sessions = new EnumMap<>(Role.class);
        for (Role role : List.of(Role.VIEWER, Role.MARKETER, Role.ADMIN)) {
            ConsoleSession session = new ConsoleSession(port);
            assertThat(session.login(keys.get(role)).statusCode()).isEqualTo(302);
            sessions.put(role, session);
        }
        int active = catalog.active().version();
        List<String> wrong = new ArrayList<>();
        for (Row row : PAGES) {
            ConsoleSession anonymous = new ConsoleSession(port);
            anonymous.get("/login"); // a session and its CSRF token, so that a POST meets the login check
            check(row, "anonymous", send(anonymous, row), row.needs() == Needs.PUBLIC ? row.own() : 302, wrong);
            for (Map.Entry<Role, ConsoleSession> s : sessions.entrySet()) {
                boolean allowed = row.needs() != Needs.MARKETER || s.getKey() != Role.VIEWER;
                s.getValue().get("/"); // the session's current CSRF token
                check(row, s.getKey().name(), send(s.getValue(), row), allowed ? row.own() : 403, wrong);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(catalog.active().version()).as("the table changes nothing").isEqualTo(active);
    }

    @Test
    void shouldNameEveryConsoleMappingInTheTable() {
        Set<String> mapped = new LinkedHashSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getPackageName().equals(ConsoleSecurityTest.class.getPackageName())) {
                // a mapping of any method (the 403 page, forwarded to as the refused request's method) as its GET
                Set<String> methods = new LinkedHashSet<>();
                info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
                if (methods.isEmpty()) {
                    methods.add("GET");
                }
                info.getPatternValues().forEach(p -> methods.forEach(m -> mapped.add(m + " " + p)));
            }
        });
        Set<String> inTable = new LinkedHashSet<>();
        PAGES.forEach(r -> inTable.add(r.method() + " " + r.pattern()));
        assertThat(mapped).isNotEmpty();
        assertThat(inTable).containsAll(mapped);
    }

    @Test
    void shouldRefuseAPostWithoutTheCsrfToken() throws Exception {
        ConsoleSession marketer = new ConsoleSession(port);
        marketer.login(keys.get(Role.MARKETER));
        marketer.get("/console/rulesets");
        HttpResponse<String> refused = marketer.postWithoutToken("/console/rulesets/rollback", Map.of("comment", "no token"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Not allowed");
    }

    @Test
    void shouldSendAFormOfAnEndedSessionToTheLoginAgain() throws Exception {
        // A session without a token (the form's session ended, a new one began): not a question of role.
        ConsoleSession anonymous = new ConsoleSession(port);
        anonymous.get("/login");
        HttpResponse<String> absent = anonymous.postWithoutToken("/console/rulesets/rollback", Map.of("from", "1"));
        assertThat(absent.statusCode()).isEqualTo(302);
        assertThat(absent.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));

        // A page read while logged in, its form sent after the session ended: the token is stale.
        ConsoleSession marketer = new ConsoleSession(port);
        marketer.login(keys.get(Role.MARKETER));
        marketer.get("/console/campaigns");
        assertThat(marketer.post("/logout", Map.of()).statusCode()).isEqualTo(302); // as an idle session's end
        HttpResponse<String> stale = marketer.post("/console/campaigns/no-such/status", Map.of("status", "PAUSED"));
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(302);
        assertThat(stale.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));

        // The same from htmx: the whole page goes to the login.
        HttpResponse<String> swapped = marketer.postWithoutToken("/console/rulesets/validate", Map.of(),
                Map.of("HX-Request", "true", "X-CSRF-TOKEN", "stale-token"));
        assertThat(swapped.statusCode()).isEqualTo(401);
        assertThat(swapped.headers().firstValue("HX-Redirect"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));

        assertThat(anonymous.get("/login?expired").body()).contains("Your session ended; log in again.");
        assertThat(anonymous.get("/login?expired&lang=zh-CN").body()).contains("您的会话已结束，请重新登录。");
    }

    /** Future pages too: reading is a VIEWER's, any other method a MARKETER's, mapped or not. */
    @Test
    void shouldKeepEveryMethodButReadingFromAViewer() throws Exception {
        ConsoleSession viewer = new ConsoleSession(port);
        viewer.login(keys.get(Role.VIEWER));
        ConsoleSession marketer = new ConsoleSession(port);
        marketer.login(keys.get(Role.MARKETER));
        List<String> wrong = new ArrayList<>();
        for (String[] request : List.of(new String[] {"POST", "/console/members"}, new String[] {"PUT", "/console/campaigns/x"},
                new String[] {"DELETE", "/console/rulesets/1"}, new String[] {"PATCH", "/console/no-such-page"},
                new String[] {"POST", "/console/dashboard"})) {
            viewer.get("/");
            HttpResponse<String> refused = viewer.send(request[0], request[1], Map.of());
            if (refused.statusCode() != 403) {
                wrong.add(request[0] + " " + request[1] + " as VIEWER: " + refused.statusCode());
            }
            marketer.get("/");
            HttpResponse<String> answered = marketer.send(request[0], request[1], Map.of());
            if (answered.statusCode() == 403 || answered.statusCode() >= 500
                    || !answered.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                wrong.add(request[0] + " " + request[1] + " as MARKETER: " + answered.statusCode() + " "
                        + answered.headers().firstValue("Content-Type").orElse(""));
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(viewer.send("HEAD", "/console/rulesets", Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldHideAndRefuseChangesToAViewer() throws Exception {
        ConsoleSession viewer = new ConsoleSession(port);
        viewer.login(keys.get(Role.VIEWER));
        HttpResponse<String> version = viewer.get("/console/rulesets/1");
        assertThat(version.statusCode()).isEqualTo(200);
        assertThat(version.body()).contains("built-in:1").doesNotContain("id=\"activate\"", "id=\"simulate\"");
        assertThat(viewer.get("/console/rulesets").body()).doesNotContain("id=\"upload-link\"", "id=\"rollback\"");

        HttpResponse<String> activate = viewer.post("/console/rulesets/1/activate", Map.of("comment", "viewer"));
        assertThat(activate.statusCode()).isEqualTo(403);
        assertThat(activate.body()).contains("Changing rule sets and campaigns needs a MARKETER or ADMIN key.");

        ConsoleSession marketer = new ConsoleSession(port);
        marketer.login(keys.get(Role.MARKETER));
        assertThat(marketer.get("/console/rulesets/1").body()).contains("id=\"simulate\"");
    }

    @Test
    void shouldEndTheSessionOfARevokedKey() throws Exception {
        String issued = new Http(port).postJson("/api/v1/keys", "{\"name\":\"console-revoked-" + UUID.randomUUID()
                + "\",\"role\":\"VIEWER\"}").body();
        ConsoleSession session = new ConsoleSession(port);
        session.login(JSON.readTree(issued).get("key").asString());
        assertThat(session.get("/").statusCode()).isEqualTo(200);

        assertThat(new Http(port).delete("/api/v1/keys/" + JSON.readTree(issued).get("id").asString()).statusCode())
                .isEqualTo(200);
        HttpResponse<String> after = session.get("/");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void shouldNotOpenTheApiWithAConsoleSession() throws Exception {
        ConsoleSession session = new ConsoleSession(port);
        session.login(keys.get(Role.ADMIN));
        HttpResponse<String> api = session.get("/api/v1/campaigns");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void shouldSpeakChineseWhenAskedAndKeepTheChoice() throws Exception {
        ConsoleSession session = new ConsoleSession(port);
        session.login(keys.get(Role.MARKETER));
        assertThat(session.get("/").body()).contains(">Dashboard<", ">Rule sets<");
        assertThat(session.get("/?lang=zh-CN").body()).contains(">仪表盘<", ">规则集<", ">活动<", ">会员查询<", "重要价值客户");
        assertThat(session.get("/console/rulesets/1").body()).contains(">模拟<", ">差异<", "这个版本正在启用中。");
        assertThat(session.get("/?lang=en").body()).contains(">Dashboard<");

        ConsoleSession browserInChinese = new ConsoleSession(port);
        assertThat(browserInChinese.get("/login", Map.of("Accept-Language", "zh-CN,zh;q=0.9")).body()).contains(">登录<");
        assertThat(browserInChinese.get("/login", Map.of("Accept-Language", "zh-TW")).body()).contains(">登录<");
        assertThat(browserInChinese.get("/login", Map.of("Accept-Language", "fr-FR")).body()).contains(">Log in<");
    }

    private HttpResponse<String> send(ConsoleSession session, Row row) throws Exception {
        // A POST's comment is over the limit: refused before a rollback or activation could happen.
        return row.method().equals("GET") ? session.get(row.path())
                : session.post(row.path(), Map.of("comment", "x".repeat(1001), "status", "PAUSED"));
    }

    /** expected: a status, or -1 for "the page's own answer" (not a redirect to the login, 401, 403 or 5xx). */
    private static void check(Row row, String who, HttpResponse<String> response, int expected, List<String> wrong) {
        int status = response.statusCode();
        String location = response.headers().firstValue("Location").orElse("");
        boolean ok;
        if (expected == -1) {
            ok = status < 500 && status != 401 && status != 403 && !location.endsWith("/login");
        } else if (expected == 302) {
            ok = status == 302 && location.endsWith("/login");
        } else {
            ok = status == expected;
        }
        if (!ok) {
            String body = response.body();
            wrong.add(row.method() + " " + row.path() + " as " + who + ": " + status + " " + location + " "
                    + (body.length() > 200 ? body.substring(0, 200) : body));
        }
    }

    private String issue(Role role) throws Exception {
        HttpResponse<String> issued = new Http(port).postJson("/api/v1/keys",
                "{\"name\":\"console-" + role + "-" + UUID.randomUUID() + "\",\"role\":\"" + role + "\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return JSON.readTree(issued.body()).get("key").asString();
    }
}
