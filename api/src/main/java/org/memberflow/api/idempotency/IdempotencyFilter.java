package org.memberflow.api.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.memberflow.api.event.FieldError;
import org.memberflow.api.problem.Problems;
import org.memberflow.api.security.ApiKey;
import org.memberflow.api.security.ApiKeyAuthentication;
import org.memberflow.api.security.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on POSTs (draft-ietf-httpapi-idempotency-key-header): a client that
 * cannot tell whether its POST arrived sends it again with the same key and gets the first answer
 * again, marked {@code Idempotent-Replayed: true}, instead of doing it twice. The key is scoped to
 * the API key that sent it and kept 24 hours. The same key with a different request is 422; while
 * the first is still running, 409. An answer of 5xx or 429 is not kept: the request may be sent
 * again. Without Redis the request is refused with 503, since it could not be made safe to repeat.
 * Registered in the security chain, after authentication and the rate limit.
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {
    public static final String HEADER = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 255;
    /** The largest body held to fingerprint: above what any endpoint accepts. */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;
    /** The largest answer kept for repeats (Redis holds them for a day); larger ones keep only their status. */
    static final int MAX_KEPT_BYTES = 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final byte[] WITHHELD = ("{\"replayed\":true,\"note\":\"the first answer held a secret shown once;"
            + " it is not kept. See Location for what was created.\"}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] TOO_LARGE = ("{\"replayed\":true,\"note\":\"the first answer was larger than "
            + MAX_KEPT_BYTES / 1024 + " KiB; only its status is kept.\"}").getBytes(StandardCharsets.UTF_8);
    private final IdempotencyStore store;
    private final ProblemResponses problems;

    IdempotencyFilter(IdempotencyStore store, ProblemResponses problems) {
        this.store = store;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String idempotencyKey = request.getHeader(HEADER);
        if (idempotencyKey.isEmpty() || idempotencyKey.length() > MAX_KEY_LENGTH
                || !idempotencyKey.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            problems.write(request, response, Problems.invalid("invalid-request", "The request has invalid fields",
                    List.of(new FieldError(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters"))));
            return;
        }
        ApiKey apiKey = ApiKeyAuthentication.current().orElse(null);
        if (apiKey == null) {
            chain.doFilter(request, response); // the rules let no anonymous POST through; nothing to scope by
            return;
        }
        HttpServletRequest toHandle = request;
        String fingerprint;
        if (request.getContentType() != null && request.getContentType().toLowerCase().startsWith("multipart/")) {
            try {
                fingerprint = RequestFingerprint.ofParts(request);
            } catch (ServletException | IOException | IllegalStateException e) {
                // A malformed or oversized multipart body: the client's to fix, not a server error.
                problems.write(request, response, tooLarge(e)
                        ? Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "The request body is too large",
                                "a part or the whole multipart body is over the server's limit")
                        : Problems.of(HttpStatus.BAD_REQUEST, "invalid-multipart", "The multipart body cannot be read",
                                e.getMessage() == null ? "malformed multipart body" : e.getMessage()));
                return;
            }
        } else {
            byte[] body = readBounded(request.getInputStream());
            if (body == null) {
                problems.write(request, response, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                        "The request body is too large", "a request may be at most " + MAX_BODY_BYTES / (1024 * 1024) + " MiB"));
                return;
            }
            fingerprint = RequestFingerprint.ofBody(request, body);
            toHandle = new ReadAgain(request, body);
        }
        String key = "memberflow:idem:" + apiKey.id() + ":" + RequestFingerprint.sha256(idempotencyKey);
        IdempotencyStore.Claim claim;
        try {
            claim = store.claim(key, fingerprint);
        } catch (DataAccessException e) {
            log.warn("Idempotency-Key not checked: Redis is unavailable ({})", e.getMostSpecificCause().getMessage());
            problems.write(request, response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "idempotency-unavailable",
                    "Idempotency keys cannot be checked now", "the store of idempotency keys is unavailable; retry later"));
            return;
        }
        if (claim instanceof IdempotencyStore.Answered answered) {
            replay(response, answered.response());
        } else if (claim instanceof IdempotencyStore.Mismatch) {
            problems.write(request, response, Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                    "The Idempotency-Key was used for another request",
                    "this Idempotency-Key was sent with a different request in the last 24 hours; use a new key"));
        } else if (claim instanceof IdempotencyStore.InProgress) {
            problems.write(request, response, Problems.of(HttpStatus.CONFLICT, "idempotency-key-in-progress",
                    "A request with this Idempotency-Key is in progress", "wait for the first request's answer, then retry"));
        } else {
            handleFirst(toHandle, response, chain, key, fingerprint);
        }
    }

    private void handleFirst(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String key,
            String fingerprint) throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(request, captured);
            int status = captured.getStatus();
            if (status < 500 && status != HttpStatus.TOO_MANY_REQUESTS.value()) {
                kept = keep(key, fingerprint, captured);
            }
        } finally {
            if (!kept) {
                releaseQuietly(key, fingerprint);
            }
            captured.copyBodyToResponse();
        }
    }

    /**
     * Keeps the answer for repeats. An answer marked {@code Cache-Control: no-store} holds a secret
     * shown once (a new API key, a webhook's signing secret): only its status and Location are
     * kept, so a repeat learns that it succeeded and where, but not the secret; so is an answer
     * over {@link #MAX_KEPT_BYTES}. A failure to keep it leaves the key claimed until it expires
     * (repeats get 409), and the client its answer.
     */
    private boolean keep(String key, String fingerprint, ContentCachingResponseWrapper captured) {
        String cacheControl = captured.getHeader(HttpHeaders.CACHE_CONTROL);
        byte[] body = captured.getContentAsByteArray();
        byte[] note = cacheControl != null && cacheControl.contains("no-store") ? WITHHELD
                : body.length > MAX_KEPT_BYTES ? TOO_LARGE : null;
        StoredResponse response = new StoredResponse(captured.getStatus(),
                note != null ? "application/json" : captured.getContentType(), captured.getHeader(HttpHeaders.LOCATION),
                note != null ? note : body);
        try {
            if (!store.complete(key, fingerprint, response)) {
                log.warn("an Idempotency-Key outran its claim ({}) and another request took it; this answer is not kept",
                        IdempotencyStore.RUNNING);
            }
        } catch (DataAccessException e) {
            log.warn("could not keep the answer for an Idempotency-Key (repeats get 409 for {}): {}", IdempotencyStore.RUNNING,
                    e.getMostSpecificCause().getMessage());
        }
        return true;
    }

    private void releaseQuietly(String key, String fingerprint) {
        try {
            store.release(key, fingerprint);
        } catch (DataAccessException e) {
            log.warn("could not release Idempotency-Key {} (it expires in {})", key, IdempotencyStore.RUNNING);
        }
    }

    private static void replay(HttpServletResponse response, StoredResponse stored) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        response.setHeader("Idempotent-Replayed", "true");
        response.setContentLength(stored.body().length);
        response.getOutputStream().write(stored.body());
    }

    /** Whether a multipart failure is a size limit (the container says so only in its message, as Spring reads it too). */
    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase();
            if (message.contains("size") && message.contains("exceed")) {
                return true;
            }
        }
        return false;
    }

    /** The whole body, or null when it is larger than {@link #MAX_BODY_BYTES}. */
    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    /** The request with its body, already read to fingerprint it, readable again. */
    private static final class ReadAgain extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already in memory");
                }
            };
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), encoding));
        }
    }
}
