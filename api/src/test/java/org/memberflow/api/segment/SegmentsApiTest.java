package org.memberflow.api.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.memberflow.api.support.Http;
import org.memberflow.api.support.MemberFlowIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Segments of a brand from the read model: sizes, members page by page, the overlap of two, and explain. */
@MemberFlowIntegrationTest
class SegmentsApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldListTheSegmentsAMemberReachesThroughTheEngine() throws Exception {
        Http http = new Http(port);
        String brand = "seg-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            assertThat(http.postJson("/api/v1/events", "{\"eventId\":\"" + UUID.randomUUID() + "\",\"memberId\":\"" + brand
                    + "-m" + i + "\",\"brandId\":\"" + brand + "\",\"type\":\"REGISTERED\",\"occurredAt\":\"2026-05-20T08:00:00Z\"}")
                    .statusCode()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode list = JSON.readTree(http.get("/api/v1/segments?brand=" + brand).body());
            assertThat(list.get("segments")).hasSize(1);
            assertThat(list.get("segments").get(0).get("members").asLong()).isEqualTo(3);
        });
        String segment = JSON.readTree(http.get("/api/v1/segments?brand=" + brand).body()).get("segments").get(0)
                .get("segment").asString();
        JsonNode page = JSON.readTree(http.get("/api/v1/segments/" + segment + "/members?brand=" + brand + "&size=2").body());
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("items").get(0).get("memberId").asString()).isEqualTo(brand + "-m0");
        assertThat(page.get("items").get(0).get("rfmClass").asString()).isEqualTo(segment);
        JsonNode last = JSON.readTree(http.get("/api/v1/segments/" + segment + "/members?brand=" + brand + "&size=2&page=1")
                .body());
        assertThat(last.get("items")).hasSize(1);

        assertThat(JSON.readTree(http.get("/api/v1/members/" + brand + "-m1/segments").body()).get("segments"))
                .extracting(JsonNode::asString).containsExactly(segment);
        assertThat(http.get("/api/v1/members/nobody-" + UUID.randomUUID() + "/segments").statusCode()).isEqualTo(404);

        JsonNode explained = JSON.readTree(http.get("/api/v1/members/" + brand + "-m0/explain").body());
        assertThat(explained.toString()).contains(brand + "-m0");
        assertThat(http.get("/api/v1/members/nobody-" + UUID.randomUUID() + "/explain").statusCode()).isEqualTo(404);
    }

    /** Rows as a read model with several segments per member holds them; the counts come from SQL. */
    @Test
    void shouldCountTheOverlapOfTwoSegments() throws Exception {
        Http http = new Http(port);
        String brand = "ovl-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 10; i++) {
            String member = brand + "-" + i;
            if (i < 6) {
                insert(member, "gold", brand);
            }
            if (i >= 4) {
                insert(member, "lapsed", brand);
            }
        }
        insert(brand + "-other-brand", "gold", brand + "-x");

        JsonNode overlap = JSON.readTree(http.get("/api/v1/segments/gold/overlap/lapsed?brand=" + brand).body());
        assertThat(overlap.get("a").get("members").asLong()).isEqualTo(6);
        assertThat(overlap.get("b").get("members").asLong()).isEqualTo(6);
        assertThat(overlap.get("both").asLong()).isEqualTo(2);
        assertThat(overlap.get("onlyA").asLong()).isEqualTo(4);
        assertThat(overlap.get("onlyB").asLong()).isEqualTo(4);
        assertThat(overlap.get("jaccard").asDouble()).isEqualTo(0.2);
        assertThat(JSON.readTree(http.get("/api/v1/segments/gold?brand=" + brand).body()).get("members").asLong()).isEqualTo(6);

        HttpResponse<String> bad = http.get("/api/v1/segments/gold/members?brand=" + "b".repeat(65));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"pointer\":\"brand\"");
    }

    private void insert(String member, String segment, String brand) {
        jdbc.update("INSERT INTO member_segment (member_id, segment, brand_id, since) VALUES (?, ?, ?, NOW(3))", member,
                segment, brand);
    }
}
