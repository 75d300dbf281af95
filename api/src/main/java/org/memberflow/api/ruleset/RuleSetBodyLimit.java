package org.memberflow.api.ruleset;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.memberflow.api.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds what a POST to {@code /api/v1/rulesets} may send before any of it is read: a rule set is
 * at most 16 MiB of files, 22 MiB as base64 in JSON. A body without a length (chunked) is refused
 * too, since its size is known only once it is all in memory.
 */
@Component
class RuleSetBodyLimit extends OncePerRequestFilter {
    static final long MAX_BODY_BYTES = 24L * 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/v1/rulesets");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > MAX_BODY_BYTES) {
            refuse(response, HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "The request body is too large",
                    "a rule-set request may be at most " + MAX_BODY_BYTES / (1024 * 1024) + " MiB; this one is "
                            + length / (1024 * 1024) + " MiB");
        } else if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
            refuse(response, HttpStatus.LENGTH_REQUIRED, "length-required", "The request needs a Content-Length",
                    "send rule-set requests with a Content-Length (not chunked)");
        } else {
            chain.doFilter(request, response);
        }
    }

    private static void refuse(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
            throws IOException {
        ProblemDetail problem = Problems.of(status, type, title, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}
