package org.memberflow.bench.chaos;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Requests of one kind sent again and again while a store is down, each answer judged: the status
 * it had to have, an RFC 9457 problem document when it is an error, never a stack trace, and how
 * long it took.
 */
final class Probe {
    /** An answer slower than this counts as hanging. */
    static final Duration PATIENCE = Duration.ofSeconds(5);

    private final String name;
    private final int expectedStatus;
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

    private record Answer(int status, String contentType, String body, long millis) {
    }

    /** @param expectedStatus 503 for requests that need the stopped store, 2xx (given as 200) for the others */
    Probe(String name, int expectedStatus) {
        this.name = name;
        this.expectedStatus = expectedStatus;
    }

    void send(ChaosServer server, HttpRequest.Builder request) {
        long t0 = System.nanoTime();
        HttpResponse<String> r;
        try {
            r = server.send(request.timeout(PATIENCE.multipliedBy(4)));
        } catch (IllegalStateException e) {
            answers.add(new Answer(-1, "", String.valueOf(e.getMessage()), (System.nanoTime() - t0) / 1_000_000));
            return;
        }
        answers.add(new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                (System.nanoTime() - t0) / 1_000_000));
    }

    long sent() {
        return answers.size();
    }

    /** Answers as promised: the status, a problem document for an error, no stack trace, in time. */
    long kept() {
        return answers.stream().filter(this::keeps).count();
    }

    long slowestMillis() {
        return answers.stream().mapToLong(Answer::millis).max().orElse(0);
    }

    private boolean keeps(Answer a) {
        boolean status = expectedStatus == 200 ? a.status() / 100 == 2 : a.status() == expectedStatus;
        boolean problem = a.status() / 100 == 2 || a.contentType().startsWith("application/problem+json");
        return status && problem && !hasStackTrace(a.body()) && a.millis() <= PATIENCE.toMillis();
    }

    private static boolean hasStackTrace(String body) {
        return body.contains("\tat ") || body.contains("at org.") || body.contains("Exception:")
                || body.contains("\"trace\"");
    }

    /** A sentence for each kind of broken answer, with an example. */
    List<String> failures() {
        List<String> failures = new ArrayList<>();
        answers.stream().filter(a -> !keeps(a)).map(a -> a.status() + " " + a.contentType())
                .distinct().limit(3).forEach(kind -> {
                    Answer example = answers.stream().filter(a -> !keeps(a) && kind.equals(a.status() + " " + a.contentType()))
                            .findFirst().orElseThrow();
                    long count = answers.stream().filter(a -> !keeps(a) && kind.equals(a.status() + " " + a.contentType()))
                            .count();
                    failures.add(name + ": " + count + " answered " + (example.status() < 0 ? "nothing" : kind) + " in "
                            + example.millis() + " ms, not " + (expectedStatus == 200 ? "2xx" : expectedStatus
                            + " application/problem+json") + " within " + PATIENCE.toSeconds() + " s: "
                            + abbreviate(example.body()));
                });
        return failures;
    }

    String name() {
        return name;
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }
}
