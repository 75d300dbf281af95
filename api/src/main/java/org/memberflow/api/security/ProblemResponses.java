package org.memberflow.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.memberflow.api.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers from before the controllers (no key, a bad key, a role too small, too many requests) as
 * RFC 9457 problem documents, like every other error of the API.
 */
@Component
public class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {
    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    /** No key, or one that is not a MemberFlow key: 401 with a bearer challenge. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        unauthorized(request, response, "This needs an API key: send 'Authorization: Bearer mfk_...' or 'X-API-Key: mfk_...'");
    }

    void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"memberflow\"");
        write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "No valid API key", detail));
    }

    /** A key whose role may not do this: 403 naming the role it has. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String role = ApiKeyAuthentication.current().map(k -> k.role().name()).orElse("no");
        write(request, response, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "The key's role does not allow this",
                "a key with the " + role + " role may not " + request.getMethod() + " " + request.getRequestURI()));
    }

    /** Writes {@code problem} as the whole response. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
