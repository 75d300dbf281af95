package org.memberflow.api.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Sends an anonymous visitor to the login page. An htmx request (a session that ended while a
 * page was open) gets {@code HX-Redirect} instead, so the whole page goes to the login, not the
 * login page into a corner of it.
 */
final class ConsoleEntryPoint implements AuthenticationEntryPoint {
    private final LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint(ConsoleSecurity.LOGIN);

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, jakarta.servlet.ServletException {
        if (Htmx.isRequest(request)) {
            response.setHeader("HX-Redirect", request.getContextPath() + ConsoleSecurity.LOGIN);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        login.commence(request, response, e);
    }
}
