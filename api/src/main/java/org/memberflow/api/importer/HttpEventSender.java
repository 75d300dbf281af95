package org.memberflow.api.importer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.memberflow.api.event.FieldError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/events} with an INGEST (or ADMIN) key and an {@code Idempotency-Key}.
 * Failures that may pass are retried with backoff ({@link RetryPolicy}): no connection, a timeout,
 * 5xx, 429 (after its {@code Retry-After}) and 409 (the same key still being answered, after a
 * timeout). A 400 is the server's verdict on the events and is returned; anything else stops the import.
 */
final class HttpEventSender implements EventSender {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI events;
    private final String server;
    private final String key;
    private final RetryPolicy retry;

    /** @param key the API key; null or blank: none (the server will refuse) */
    HttpEventSender(String server, String key, RetryPolicy retry) {
        this.server = server;
        this.events = URI.create(server.replaceAll("/+$", "") + "/api/v1/events");
        this.key = key == null || key.isBlank() ? null : key.strip();
        this.retry = retry;
    }

    @Override
    public Answer send(byte[] body, String idempotencyKey) throws ServerFailedException, InterruptedException {
        String lastProblem = null;
        for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
            Duration retryAfter = null;
            try {
                HttpResponse<String> response = http.send(request(body, idempotencyKey), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return Answer.ok();
                }
                if (status == 400) {
                    return Answer.refused(errors(response.body()));
                }
                if (status == 401 || status == 403) {
                    throw new ServerFailedException("the server refused the API key (" + status + "): give an INGEST or"
                            + " ADMIN key with --key or MEMBERFLOW_API_KEY");
                }
                if (status != 409 && status != 429 && status / 100 != 5) {
                    throw new ServerFailedException("the server answered " + status + ": " + response.body());
                }
                lastProblem = "the server answered " + status;
                retryAfter = retryAfter(response);
            } catch (IOException e) {
                lastProblem = "cannot reach " + server + " (" + e + ")";
            }
            if (attempt < retry.attempts()) {
                Thread.sleep(retry.delayAfter(attempt, retryAfter).toMillis());
            }
        }
        throw new ServerFailedException(lastProblem + " (tried " + retry.attempts() + (retry.attempts() == 1 ? " time)"
                : " times)"));
    }

    private HttpRequest request(byte[] body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(events).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return request.build();
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
            } catch (NumberFormatException e) {
                return null; // an HTTP date: the backoff will do
            }
        }).orElse(null);
    }

    /** The {@code errors} of a 400 problem document; a body that names none is one error for the whole batch. */
    static List<FieldError> errors(String problem) {
        List<FieldError> errors = new ArrayList<>();
        try {
            JsonNode root = EventJson.MAPPER.readTree(problem);
            JsonNode list = root.path("errors");
            for (JsonNode e : list) {
                errors.add(new FieldError(e.path("pointer").asString(""), e.path("detail").asString("")));
            }
            if (errors.isEmpty()) {
                errors.add(new FieldError("", root.path("detail").asString(problem)));
            }
        } catch (JacksonException e) {
            errors.add(new FieldError("", problem));
        }
        return errors;
    }
}
