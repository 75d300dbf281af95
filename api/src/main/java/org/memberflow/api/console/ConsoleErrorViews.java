package org.memberflow.api.console;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The console's error page for errors the servlet container answers before Spring MVC sees the
 * request, shown by Boot's error controller to a browser: a form upload too large for the
 * container (it refuses it when the CSRF check reads the form), for one. Such a request was
 * refused before its session was checked, so the page names no one and shows no menu. Other
 * paths keep Boot's error view.
 */
@Component
class ConsoleErrorViews implements ErrorViewResolver {
    private final ConsoleErrorPage page;

    ConsoleErrorViews(ConsoleErrorPage page) {
        this.page = page;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(uri instanceof String path) || !ConsolePaths.isPage(path.substring(request.getContextPath().length()))) {
            return null;
        }
        String message = switch (status) {
            case CONTENT_TOO_LARGE -> page.text(request, "error.tooLarge");
            case NOT_FOUND -> page.text(request, "error.notFound");
            case METHOD_NOT_ALLOWED -> page.text(request, "error.methodNotAllowed");
            case BAD_REQUEST -> isMultipart(request) ? page.text(request, "error.badUpload") : null;
            default -> null;
        };
        return page.of(request, status, message, List.of());
    }

    private static boolean isMultipart(HttpServletRequest request) {
        return request.getContentType() != null && request.getContentType().startsWith("multipart/");
    }
}
