package org.memberflow.api.console;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A refused request. A form sent after the session ended carries the CSRF token of that session,
 * which is gone: that is no question of role, so the visitor is sent to log in again (with
 * {@code ?expired}, which the login page explains; an htmx request by {@code HX-Redirect}). Every
 * other refusal, a CSRF token that does not match a live session's too, gets the 403 page.
 */
final class ConsoleAccessDenied implements AccessDeniedHandler {
    static final String EXPIRED = ConsoleSecurity.LOGIN + "?expired";
    private final AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ConsoleAccessDenied() {
        forbidden.setErrorPage(ConsoleSecurity.DENIED);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException, ServletException {
        if (!(e instanceof CsrfException) || loggedIn()) {
            forbidden.handle(request, response, e);
            return;
        }
        String login = request.getContextPath() + EXPIRED;
        if (Htmx.isRequest(request)) {
            response.setHeader("HX-Redirect", login);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        response.sendRedirect(login);
    }

    private boolean loggedIn() {
        Authentication auth = contexts.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof ConsoleUser;
    }
}
