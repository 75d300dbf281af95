package org.memberflow.bench.chaos;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What the server answered to one rule file uploaded as a rule set of its own (JSON, base64). */
/** @param errors the messages of the problem's {@code errors} */
record RuleSetAnswer(int status, String contentType, String body, List<String> errors) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** @param path {@code /api/v1/rulesets} (stores a draft) or {@code /api/v1/rulesets/validate} (stores nothing) */
    static RuleSetAnswer upload(ChaosServer server, String path, RuleFileSample file) {
        ObjectNode body = JSON.createObjectNode().put("name", "chaos-hostile").put("author", "chaos");
        body.putArray("files").addObject().put("path", file.path())
                .put("contentBase64", Base64.getEncoder().encodeToString(file.bytes()));
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(server.uri(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        String contentType = r.headers().firstValue("Content-Type").orElse("");
        List<String> errors = new ArrayList<>();
        if (contentType.startsWith("application/problem+json")) {
            JsonNode problem = JSON.readTree(r.body());
            if (problem.get("errors") != null) {
                problem.get("errors").forEach(e -> errors.add(e.get("message") != null ? e.get("message").asString()
                        : e.get("detail") != null ? e.get("detail").asString() : e.toString()));
            }
        }
        return new RuleSetAnswer(r.statusCode(), contentType, r.body(), errors);
    }

    /** Refused as the contract says: a 4xx problem document that lists at least one error. */
    boolean refusedWithErrors() {
        return status / 100 == 4 && contentType.startsWith("application/problem+json") && !errors.isEmpty();
    }

    boolean names(String fragment) {
        return errors.stream().anyMatch(e -> e.contains(fragment));
    }

    boolean hasStackTrace() {
        return body.contains("\tat ") || body.contains("at org.") || body.contains("\"trace\"")
                || body.matches("(?s).*\\b[a-z]+(\\.[a-z]+)+\\.[A-Z]\\w*Exception\\b.*");
    }

    String abbreviated() {
        String flat = body.replaceAll("\\s+", " ");
        return status + " " + (flat.length() <= 300 ? flat : flat.substring(0, 300) + "…");
    }
}
