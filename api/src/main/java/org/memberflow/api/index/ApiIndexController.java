package org.memberflow.api.index;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1}: what the API offers and where, as links. The same document every time. */
@RestController
class ApiIndexController {
    private static final Map<String, Object> INDEX = build();

    @GetMapping("/api/v1")
    Map<String, Object> index() {
        return INDEX;
    }

    private static Map<String, Object> build() {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("events", "/api/v1/events");
        links.put("member", "/api/v1/members/{memberId}");
        links.put("memberActions", "/api/v1/members/{memberId}/actions");
        links.put("memberExplain", "/api/v1/members/{memberId}/explain");
        links.put("memberSegments", "/api/v1/members/{memberId}/segments");
        links.put("segments", "/api/v1/segments?brand={brandId}");
        links.put("segmentMembers", "/api/v1/segments/{segment}/members?brand={brandId}");
        links.put("segmentOverlap", "/api/v1/segments/{a}/overlap/{b}?brand={brandId}");
        links.put("ruleSets", "/api/v1/rulesets");
        links.put("campaigns", "/api/v1/campaigns");
        links.put("campaignResults", "/api/v1/campaigns/{campaignId}/results");
        links.put("webhooks", "/api/v1/webhooks");
        links.put("webhookDeliveries", "/api/v1/webhooks/deliveries");
        links.put("jobs", "/api/v1/jobs");
        links.put("keys", "/api/v1/keys");
        links.put("openApi", "/v3/api-docs");
        links.put("health", "/actuator/health");
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("name", "MemberFlow");
        index.put("version", "v1");
        index.put("links", links);
        return Collections.unmodifiableMap(index);
    }
}
