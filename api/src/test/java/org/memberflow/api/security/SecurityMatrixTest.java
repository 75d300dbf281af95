package org.memberflow.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
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
import org.memberflow.api.support.Http;
import org.memberflow.api.support.MemberFlowIntegrationTest;
import org.memberflow.api.support.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint, anonymous and with a key of each role: 401 without a key, 403 with a role too
 * small, and otherwise an answer of the endpoint itself (never 401, 403 or 5xx). Mutating calls
 * send bodies the endpoint refuses (400) or ids that do not exist (404), so the matrix changes
 * nothing. The matrix must name every endpoint the server maps under /api/v1.
 */
@MemberFlowIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityMatrixTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Who may call an endpoint: everyone, any key, or a role (and the roles above it). */
    enum Needs { PUBLIC, ANY_KEY, INGEST, VIEWER, MARKETER, ADMIN }

    record Row(String method, String pattern, String path, String json, Needs needs) {
    }

    private static final List<Row> MATRIX = List.of(
            row("GET", "/api/v1", "/api/v1", null, Needs.ANY_KEY),
            row("POST", "/api/v1/events", "/api/v1/events", "{}", Needs.INGEST),
            row("GET", "/api/v1/members/{memberId}", "/api/v1/members/nobody", null, Needs.VIEWER),
            row("GET", "/api/v1/members/{memberId}/actions", "/api/v1/members/nobody/actions", null, Needs.VIEWER),
            row("GET", "/api/v1/members/{memberId}/explain", "/api/v1/members/nobody/explain", null, Needs.VIEWER),
            row("GET", "/api/v1/members/{memberId}/segments", "/api/v1/members/nobody/segments", null, Needs.VIEWER),
            row("GET", "/api/v1/segments", "/api/v1/segments", null, Needs.VIEWER),
            row("GET", "/api/v1/segments/{segment}", "/api/v1/segments/important-value", null, Needs.VIEWER),
            row("GET", "/api/v1/segments/{segment}/members", "/api/v1/segments/important-value/members", null, Needs.VIEWER),
            row("GET", "/api/v1/segments/{a}/overlap/{b}", "/api/v1/segments/important-value/overlap/general-keep", null,
                    Needs.VIEWER),
            row("GET", "/api/v1/campaigns", "/api/v1/campaigns", null, Needs.VIEWER),
            row("GET", "/api/v1/campaigns/{campaignId}", "/api/v1/campaigns/no-such", null, Needs.VIEWER),
            row("PUT", "/api/v1/campaigns/{campaignId}", "/api/v1/campaigns/no-such", "{\"bogus\":1}", Needs.MARKETER),
            row("GET", "/api/v1/campaigns/{campaignId}/results", "/api/v1/campaigns/no-such/results", null, Needs.VIEWER),
            row("GET", "/api/v1/rulesets", "/api/v1/rulesets", null, Needs.VIEWER),
            row("POST", "/api/v1/rulesets", "/api/v1/rulesets", "{}", Needs.MARKETER),
            row("POST", "/api/v1/rulesets/validate", "/api/v1/rulesets/validate", "{}", Needs.MARKETER),
            row("GET", "/api/v1/rulesets/active", "/api/v1/rulesets/active", null, Needs.VIEWER),
            row("GET", "/api/v1/rulesets/audit", "/api/v1/rulesets/audit", null, Needs.VIEWER),
            row("GET", "/api/v1/rulesets/{version}", "/api/v1/rulesets/999999", null, Needs.VIEWER),
            row("GET", "/api/v1/rulesets/{version}/file", "/api/v1/rulesets/999999/file?path=x.drl", null, Needs.VIEWER),
            row("GET", "/api/v1/rulesets/{version}/diff", "/api/v1/rulesets/999999/diff?against=999998", null, Needs.VIEWER),
            row("POST", "/api/v1/rulesets/{version}/simulate", "/api/v1/rulesets/999999/simulate", "{}", Needs.MARKETER),
            row("POST", "/api/v1/rulesets/{version}/explain", "/api/v1/rulesets/999999/explain", "{}", Needs.MARKETER),
            row("POST", "/api/v1/rulesets/{version}/activate", "/api/v1/rulesets/999999/activate", "{}", Needs.MARKETER),
            row("POST", "/api/v1/rulesets/rollback", "/api/v1/rulesets/rollback", "{}", Needs.MARKETER),
            row("GET", "/api/v1/webhooks", "/api/v1/webhooks", null, Needs.VIEWER),
            row("POST", "/api/v1/webhooks", "/api/v1/webhooks", "{}", Needs.MARKETER),
            row("GET", "/api/v1/webhooks/{webhookId}", "/api/v1/webhooks/999999", null, Needs.VIEWER),
            row("DELETE", "/api/v1/webhooks/{webhookId}", "/api/v1/webhooks/999999", null, Needs.MARKETER),
            row("GET", "/api/v1/webhooks/deliveries", "/api/v1/webhooks/deliveries", null, Needs.VIEWER),
            row("GET", "/api/v1/webhooks/deliveries/{deliveryId}", "/api/v1/webhooks/deliveries/999999", null, Needs.VIEWER),
            row("POST", "/api/v1/webhooks/deliveries/{deliveryId}/retry", "/api/v1/webhooks/deliveries/999999/retry", null,
                    Needs.MARKETER),
            row("GET", "/api/v1/jobs", "/api/v1/jobs", null, Needs.VIEWER),
            row("GET", "/api/v1/jobs/{name}", "/api/v1/jobs/birthday", null, Needs.VIEWER),
            row("PUT", "/api/v1/jobs/{name}", "/api/v1/jobs/birthday", "{}", Needs.ADMIN),
            row("POST", "/api/v1/jobs/{name}/run", "/api/v1/jobs/no-such-job/run", null, Needs.ADMIN),
            row("GET", "/api/v1/keys", "/api/v1/keys", null, Needs.ADMIN),
            row("POST", "/api/v1/keys", "/api/v1/keys", "{}", Needs.ADMIN),
            row("GET", "/api/v1/keys/{keyId}", "/api/v1/keys/nosuchkey000", null, Needs.ADMIN),
            row("DELETE", "/api/v1/keys/{keyId}", "/api/v1/keys/nosuchkey000", null, Needs.ADMIN),
            row("GET", "/actuator/health", "/actuator/health", null, Needs.PUBLIC),
            row("GET", "/actuator/info", "/actuator/info", null, Needs.PUBLIC),
            row("GET", "/actuator/prometheus", "/actuator/prometheus", null, Needs.VIEWER),
            row("GET", "/v3/api-docs", "/v3/api-docs", null, Needs.PUBLIC));

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final Map<Role, String> keys = new EnumMap<>(Role.class);

    @BeforeAll
    void issueAKeyOfEachRole() throws Exception {
        Http admin = new Http(port);
        for (Role role : Role.values()) {
            HttpResponse<String> issued = admin.postJson("/api/v1/keys",
                    "{\"name\":\"matrix-" + role + "-" + UUID.randomUUID() + "\",\"role\":\"" + role + "\"}");
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
            keys.put(role, JSON.readTree(issued.body()).get("key").asString());
        }
    }

    @Test
    void shouldAnswerEveryEndpointAsTheMatrixSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Row row : MATRIX) {
            // HEAD is a GET without the body: the same rules.
            List<Row> asked = row.method().equals("GET")
                    ? List.of(row, row("HEAD", row.pattern(), row.path(), null, row.needs())) : List.of(row);
            for (Row r : asked) {
                check(r, null, wrong);
                for (Role role : Role.values()) {
                    check(r, role, wrong);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldNameEveryEndpointOfTheApiInTheMatrix() {
        Set<String> mapped = new LinkedHashSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/"))
                .forEach(p -> info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m + " " + p))));
        Set<String> inMatrix = new LinkedHashSet<>();
        MATRIX.forEach(r -> inMatrix.add(r.method() + " " + r.pattern()));
        assertThat(inMatrix).containsAll(mapped);
    }

    @Test
    void shouldRefuseAnUnknownARevokedOrAMalformedKey() throws Exception {
        Http admin = new Http(port);
        String issued = admin.postJson("/api/v1/keys", "{\"name\":\"to-revoke-" + UUID.randomUUID()
                + "\",\"role\":\"VIEWER\"}").body();
        String key = JSON.readTree(issued).get("key").asString();
        String id = JSON.readTree(issued).get("id").asString();
        assertThat(admin.as(key).get("/api/v1/campaigns").statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = admin.delete("/api/v1/keys/" + id);
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(revoked.body()).contains("\"revokedAt\":").doesNotContain("secret");
        HttpResponse<String> refused = admin.as(key).get("/api/v1/campaigns");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));

        String wrongSecret = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");
        assertThat(admin.as(wrongSecret).get("/api/v1/campaigns").statusCode()).isEqualTo(401);
        assertThat(admin.as("not-a-key").get("/api/v1/campaigns").statusCode()).isEqualTo(401);
        HttpResponse<String> viaHeader = admin.as(null).send(admin.as(null).request("/api/v1")
                .header("X-API-Key", keys.get(Role.VIEWER)).GET().build());
        assertThat(viaHeader.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldIssueKeysOnlyWithAValidNameAndRoleAndShowTheValueOnce() throws Exception {
        Http admin = new Http(port);
        HttpResponse<String> bad = admin.postJson("/api/v1/keys", "{\"name\":\"\",\"role\":\"BOSS\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("/role");
        HttpResponse<String> missing = admin.postJson("/api/v1/keys", "{\"name\":\"\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"pointer\":\"/name\"", "\"pointer\":\"/role\"");

        String name = "once-" + UUID.randomUUID();
        HttpResponse<String> issued = admin.postJson("/api/v1/keys", "{\"name\":\"" + name + "\",\"role\":\"MARKETER\"}");
        assertThat(issued.statusCode()).isEqualTo(201);
        String id = JSON.readTree(issued.body()).get("id").asString();
        assertThat(issued.headers().firstValue("Location")).hasValue("/api/v1/keys/" + id);
        assertThat(JSON.readTree(issued.body()).get("key").asString()).startsWith("mfk_" + id + "_");
        assertThat(admin.get("/api/v1/keys/" + id).body()).contains(name).doesNotContain("mfk_").doesNotContain("secretHash");
        assertThat(admin.postJson("/api/v1/keys", "{\"name\":\"" + name + "\",\"role\":\"VIEWER\"}").statusCode())
                .as("names are unique").isEqualTo(409);
    }

    @Test
    void shouldKeepTheLastActiveAdminKey() throws Exception {
        Http admin = new Http(port);
        String testsAdmin = TestKeys.ADMIN.substring(4, 16);
        issueAdminKey(admin);
        for (var k : JSON.readTree(admin.get("/api/v1/keys?size=100").body()).get("items")) {
            String id = k.get("id").asString();
            if (k.get("role").asString().equals("ADMIN") && !k.hasNonNull("revokedAt") && !id.equals(testsAdmin)) {
                assertThat(admin.delete("/api/v1/keys/" + id).statusCode()).isEqualTo(200);
            }
        }
        HttpResponse<String> last = admin.delete("/api/v1/keys/" + testsAdmin);
        assertThat(last.statusCode()).isEqualTo(409);
        assertThat(last.body()).contains("last-admin-key");
        assertThat(admin.get("/api/v1/keys/" + testsAdmin).body()).contains("\"revokedAt\":null");
        keys.put(Role.ADMIN, issueAdminKey(admin)); // the matrix's own was revoked above
    }

    private static String issueAdminKey(Http admin) throws Exception {
        HttpResponse<String> issued = admin.postJson("/api/v1/keys", "{\"name\":\"admin-" + UUID.randomUUID()
                + "\",\"role\":\"ADMIN\"}");
        assertThat(issued.statusCode()).isEqualTo(201);
        return JSON.readTree(issued.body()).get("key").asString();
    }

    private void check(Row row, Role role, List<String> wrong) throws Exception {
        Http http = new Http(port, role == null ? null : keys.get(role));
        HttpRequest.Builder request = http.request(row.path());
        if (row.json() != null) {
            request.header("Content-Type", "application/json");
        }
        HttpRequest.BodyPublisher body = row.json() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(row.json());
        HttpResponse<String> response = http.send(request.method(row.method(), body).build());
        int status = response.statusCode();
        String who = role == null ? "anonymous" : role.name();
        boolean ok;
        if (allowed(row.needs(), role)) {
            ok = status != 401 && status != 403 && status < 500;
        } else {
            ok = status == (role == null ? 401 : 403)
                    && response.headers().firstValue("Content-Type").orElse("").equals("application/problem+json");
        }
        if (!ok) {
            wrong.add(row.method() + " " + row.path() + " as " + who + ": " + status + " " + abbreviate(response.body()));
        }
    }

    static boolean allowed(Needs needs, Role role) {
        return switch (needs) {
            case PUBLIC -> true;
            case ANY_KEY -> role != null;
            case INGEST -> role == Role.INGEST || role == Role.ADMIN;
            case VIEWER -> role == Role.VIEWER || role == Role.MARKETER || role == Role.ADMIN;
            case MARKETER -> role == Role.MARKETER || role == Role.ADMIN;
            case ADMIN -> role == Role.ADMIN;
        };
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static Row row(String method, String pattern, String path, String json, Needs needs) {
        return new Row(method, pattern, path, json, needs);
    }
}
