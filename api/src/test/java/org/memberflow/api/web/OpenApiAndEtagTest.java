package org.memberflow.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.memberflow.api.support.Http;
import org.memberflow.api.support.MemberFlowIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OpenAPI document and Swagger UI are open to all; reads carry ETags and answer 304 when unchanged. */
@MemberFlowIntegrationTest
class OpenApiAndEtagTest {
    @LocalServerPort
    int port;

    @Test
    void shouldDescribeEveryPartOfTheApiWithTheKeyScheme() throws Exception {
        Http anonymous = new Http(port, null);
        HttpResponse<String> docs = anonymous.get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\":\"3.", "\"/api/v1/events\"", "\"/api/v1/members/{memberId}\"",
                "\"/api/v1/rulesets/{version}/activate\"", "\"/api/v1/campaigns/{campaignId}/results\"", "\"/api/v1/keys\"",
                "\"/api/v1/webhooks/deliveries/{deliveryId}/retry\"", "\"scheme\":\"bearer\"");
        assertThat(docs.body()).as("the console's pages are not the API").doesNotContain("\"/console", "\"/login\"");
        HttpResponse<String> ui = anonymous.get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("Swagger UI");
    }

    @Test
    void shouldAnswerAnUnchangedReadWith304() throws Exception {
        Http http = new Http(port);
        HttpResponse<String> first = http.get("/api/v1/jobs");
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = http.send(http.request("/api/v1/jobs").header("If-None-Match", etag).GET().build());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        HttpResponse<String> stale = http.send(http.request("/api/v1/jobs").header("If-None-Match", "\"0-stale\"").GET().build());
        assertThat(stale.statusCode()).isEqualTo(200);
    }
}
