package org.memberflow.rules.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.memberflow.rules.session.RuleFile;

/** The few calls of {@code /api/v1/rulesets} the command line makes. */
final class ServerClient {
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String key;

    /** @param key the API key sent with every call; null or blank: none (the server will refuse) */
    ServerClient(String server, String key) {
        this.base = server.replaceAll("/+$", "") + "/api/v1/rulesets";
        this.key = key == null || key.isBlank() ? null : key.strip();
    }

    /** An answer: its status and body. */
    record Answer(int status, String body) {
        boolean ok() {
            return status / 100 == 2;
        }

        /** The {@code version} of a rule-set answer. */
        int version() {
            Matcher m = VERSION.matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("the server's answer names no version: " + body);
            }
            return Integer.parseInt(m.group(1));
        }
    }

    Answer upload(String name, String author, String comment, List<RuleFile> files) throws IOException, InterruptedException {
        String boundary = "memberflow-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : Map.of("name", name, "author", author, "comment", comment).entrySet()) {
            text(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + field.getValue() + "\r\n");
        }
        for (RuleFile file : files) {
            text(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + file.path()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(file.content());
            text(body, "\r\n");
        }
        text(body, "--" + boundary + "--\r\n");
        return send(HttpRequest.newBuilder(URI.create(base)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    Answer simulate(int version, String requestJson) throws IOException, InterruptedException {
        return postJson("/" + version + "/simulate", requestJson);
    }

    Answer activate(int version, String author, String comment) throws IOException, InterruptedException {
        return postJson("/" + version + "/activate", "{\"author\":" + quote(author) + ",\"comment\":" + quote(comment) + "}");
    }

    private Answer postJson(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> response = http.send(request.timeout(Duration.ofMinutes(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** A JSON string literal. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static void text(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
