package org.memberflow.api.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The login page (the form posts to Spring Security), and the 403 page of a role too small. */
@Controller
class LoginController {

    @GetMapping(ConsoleSecurity.LOGIN)
    String login(Authentication auth) {
        return auth != null && auth.getPrincipal() instanceof ConsoleUser ? "redirect:/" : "console/login";
    }

    /** Any method: a refused POST is forwarded here as a POST. */
    @RequestMapping(ConsoleSecurity.DENIED)
    String denied(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return Htmx.isRequest(request) ? "console/fragments :: denied" : "console/denied";
    }
}
