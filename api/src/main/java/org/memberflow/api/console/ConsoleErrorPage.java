package org.memberflow.api.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.memberflow.api.event.FieldError;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The console's error page (or, for an htmx request, the fragment it swaps in) with the header
 * every page has: the model attributes of {@link ConsoleModel} are not added to an error's page
 * by Spring, so they are added here.
 */
@Component
class ConsoleErrorPage {
    private final ConsoleModel header;
    private final MessageSource messages;

    ConsoleErrorPage(ConsoleModel header, MessageSource messages) {
        this.header = header;
        this.messages = messages;
    }

    ModelAndView of(HttpServletRequest request, HttpStatus status, String message, List<FieldError> errors) {
        ModelAndView page = new ModelAndView(Htmx.isRequest(request) ? "console/fragments :: problem" : "console/error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("message", message);
        page.addObject("fieldErrors", errors);
        Authentication auth = request.getUserPrincipal() instanceof Authentication a ? a : null;
        page.addObject("user", header.user(auth));
        page.addObject("canEdit", header.canEdit(auth));
        return page;
    }

    /** One of the console's labels, in the visitor's language. */
    String text(HttpServletRequest request, String code, Object... args) {
        return messages.getMessage(code, args, RequestContextUtils.getLocale(request));
    }
}
