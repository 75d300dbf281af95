package org.memberflow.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.memberflow.api.problem.Problems;
import org.memberflow.api.problem.StoreOutage;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by the API key it presents ({@code Authorization: Bearer <key>} or
 * {@code X-API-Key: <key>}). No key: the request goes on anonymous, and the rules decide. A key
 * that is unknown, revoked or malformed: 401 at once, without saying which. A client address
 * with too many such keys this minute: 429, without looking the key up ({@link FailedAuthLimit}).
 */
class ApiKeyFilter extends OncePerRequestFilter {
    static final String HEADER = "X-API-Key";
    private final ApiKeys keys;
    private final ProblemResponses problems;
    private final FailedAuthLimit failures;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiKeyFilter(ApiKeys keys, ProblemResponses problems, FailedAuthLimit failures) {
        this.keys = keys;
        this.problems = problems;
        this.failures = failures;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = presented(request);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        String client = request.getRemoteAddr();
        boolean lookUp = keys.wouldLookUp(presented);
        if (lookUp && failures.blocked(client)) {
            response.setHeader("Retry-After", "60");
            problems.write(request, response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-failed-keys",
                    "Too many keys that failed", "too many unknown or revoked keys came from this address in the last"
                            + " minute; retry later with a valid key"));
            return;
        }
        Optional<ApiKey> key;
        try {
            key = keys.authenticate(presented);
        } catch (RuntimeException e) {
            if (!StoreOutage.is(e)) {
                throw e;
            }
            // A key this server has not read before, while MySQL is down: it cannot be checked.
            response.setHeader("Retry-After", StoreOutage.RETRY_AFTER_SECONDS);
            problems.write(request, response, StoreOutage.problem());
            return;
        }
        if (key.isEmpty()) {
            if (lookUp) {
                failures.failed(client); // only guesses that cost a look-up count: the limit guards MySQL
            }
            problems.unauthorized(request, response, "The API key is unknown or revoked");
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new ApiKeyAuthentication(key.get()));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }

    private static String presented(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (header != null && !header.isBlank()) {
            return header;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7);
        }
        return null;
    }
}
