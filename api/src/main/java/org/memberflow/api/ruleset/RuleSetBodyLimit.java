package org.memberflow.api.ruleset;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.memberflow.api.problem.Problems;
import org.memberflow.api.security.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds what a POST to {@code /api/v1/rulesets} may send before any of it is read: a rule set is
 * at most 16 MiB of files, 22 MiB as base64 in JSON. A body without a length (chunked) is refused
 * too, since its size is known only once it is all in memory.
 */
@Component
class RuleSetBodyLimit extends OncePerRequestFilter {
    static final long MAX_BODY_BYTES = 24L * 1024 * 1024;
    private final ProblemResponses problems;

    RuleSetBodyLimit(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/v1/rulesets");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > MAX_BODY_BYTES) {
            refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "The request body is too large",
                    "a rule-set request may be at most " + MAX_BODY_BYTES / (1024 * 1024) + " MiB; this one is "
                            + length / (1024 * 1024) + " MiB");
        } else if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
            refuse(request, response, HttpStatus.LENGTH_REQUIRED, "length-required", "The request needs a Content-Length",
                    "send rule-set requests with a Content-Length (not chunked)");
        } else {
            chain.doFilter(request, response);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
            String title, String detail) throws IOException {
        problems.write(request, response, Problems.of(status, type, title, detail));
    }
}
