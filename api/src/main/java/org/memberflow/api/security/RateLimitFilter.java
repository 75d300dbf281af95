package org.memberflow.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.memberflow.api.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies each key's rate limit. Every answer says where the key stands
 * ({@code RateLimit-Limit}, {@code RateLimit-Remaining}, {@code RateLimit-Reset} in seconds); over
 * the limit the answer is 429 with {@code Retry-After}.
 */
class RateLimitFilter extends OncePerRequestFilter {
    private final RateLimiter limiter;
    private final ProblemResponses problems;

    RateLimitFilter(RateLimiter limiter, ProblemResponses problems) {
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiKey key = ApiKeyAuthentication.current().orElse(null);
        if (key == null) {
            chain.doFilter(request, response); // anonymous: only what is open to all gets here
            return;
        }
        RateLimiter.Decision d = limiter.check(key);
        if (d.limit() > 0) {
            response.setHeader("RateLimit-Limit", Integer.toString(d.limit()));
            response.setHeader("RateLimit-Remaining", Long.toString(d.remaining()));
            response.setHeader("RateLimit-Reset", "1");
        }
        if (!d.allowed()) {
            response.setHeader("Retry-After", "1");
            ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                    "the key " + key.id() + " may send " + d.limit() + " requests a second; retry after 1 s");
            problems.write(request, response, problem);
            return;
        }
        chain.doFilter(request, response);
    }
}
