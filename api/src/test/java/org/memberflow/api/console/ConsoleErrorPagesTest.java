package org.memberflow.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberflow.api.support.Http;
import org.memberflow.api.support.MemberFlowIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's errors are its own pages, with its header, in words: an unknown page, a page
 * number too large, a value of the wrong kind in the address, an upload too large. Never the
 * API's JSON, a Java type or a 500.
 */
@MemberFlowIntegrationTest
class ConsoleErrorPagesTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    private String name;
    private ConsoleSession marketer;

    @BeforeEach
    void logIn() throws Exception {
        name = "console-errors-" + UUID.randomUUID();
        HttpResponse<String> issued = new Http(port).postJson("/api/v1/keys",
                "{\"name\":\"" + name + "\",\"role\":\"MARKETER\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        marketer = new ConsoleSession(port);
        assertThat(marketer.login(JSON.readTree(issued.body()).get("key").asString()).statusCode()).isEqualTo(302);
    }

    @Test
    void shouldShowAnUnknownPageAsTheConsolesNotFoundPage() throws Exception {
        HttpResponse<String> page = marketer.get("/console/no-such-page");
        assertThat(page.statusCode()).isEqualTo(404);
        assertHtmlWithHeader(page);
        assertThat(page.body()).contains("There is no such page.");
        assertThat(marketer.get("/console/no-such-page?lang=zh-CN").body()).contains("没有这个页面。");
    }

    @Test
    void shouldShowAControllersErrorWithTheHeader() throws Exception {
        HttpResponse<String> page = marketer.get("/console/rulesets/999999999");
        assertThat(page.statusCode()).isEqualTo(404);
        assertHtmlWithHeader(page);
        assertThat(page.body()).contains("no rule-set version 999999999");
    }

    @Test
    void shouldRefuseAPageNumberTooLargeWithoutOverflowing() throws Exception {
        HttpResponse<String> page = marketer.get("/console/rulesets?page=200000000");
        assertThat(page.statusCode()).isEqualTo(400);
        assertHtmlWithHeader(page);
        assertThat(page.body()).contains("page must be between 0 and 100000");
    }

    @Test
    void shouldNameAValueOfTheWrongKindInWords() throws Exception {
        HttpResponse<String> page = marketer.get("/console/rulesets/abc");
        assertThat(page.statusCode()).isEqualTo(400);
        assertHtmlWithHeader(page);
        assertThat(page.body()).contains("does not fit here (version)").doesNotContain("java.", "Integer", "NumberFormat");
    }

    /**
     * Too large for the server: sent by the form, the servlet container refuses it (reading the
     * form for its CSRF token), before the session is checked; sent by htmx (the validate button,
     * the token in a header), Spring refuses it. Either way a console page, in words.
     */
    @Test
    void shouldShowAnUploadTooLargeAsAConsolePage() throws Exception {
        byte[] large = new byte[6_500_000];
        Arrays.fill(large, (byte) 'x');
        List<Map.Entry<String, String>> fields = List.of(Map.entry("name", "too-large"), Map.entry("comment", ""));
        marketer.get("/console/rulesets/new");
        HttpResponse<String> page = marketer.postMultipart("/console/rulesets", fields, Map.of("large.drl", large));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(413);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("Error 413", "The upload is larger than the server takes");

        marketer.get("/console/rulesets/new");
        HttpResponse<String> fragment = marketer.postMultipartByHtmx("/console/rulesets/validate", fields,
                Map.of("large.drl", large));
        assertThat(fragment.statusCode()).as(fragment.body()).isEqualTo(413);
        assertThat(fragment.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(fragment.body()).contains("id=\"problem\"", "The upload is larger than the server takes")
                .doesNotContain("<html");
    }

    private void assertHtmlWithHeader(HttpResponse<String> page) {
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("href=\"/console/rulesets\"", name, "Marketer");
    }
}
