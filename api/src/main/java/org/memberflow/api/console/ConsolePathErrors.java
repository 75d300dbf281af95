package org.memberflow.api.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of console paths that no console controller answers, which {@link ConsoleErrors} (scoped
 * to those controllers) never sees and the API's problem handler would answer in JSON: an unknown
 * page (404), a method a page does not take (405), and an upload too large or unreadable, found
 * before a controller is chosen. They get the console's error page, with its header. (Errors the
 * servlet container answers itself are {@link ConsoleErrorViews}'.)
 */
@Component
class ConsolePathErrors implements HandlerExceptionResolver, Ordered {
    private final ConsoleErrorPage page;

    ConsolePathErrors(ConsoleErrorPage page) {
        this.page = page;
    }

    /** Ahead of the exception handlers (the API's too), after Boot's that only records the error. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception e) {
        if (!ConsolePaths.isPage(request.getRequestURI().substring(request.getContextPath().length()))) {
            return null;
        }
        if (e instanceof MultipartException) {
            boolean tooLarge = e instanceof ErrorResponse r && r.getStatusCode().value() == 413;
            return tooLarge ? page.of(request, HttpStatus.CONTENT_TOO_LARGE, page.text(request, "error.tooLarge"), List.of())
                    : page.of(request, HttpStatus.BAD_REQUEST, page.text(request, "error.badUpload"), List.of());
        }
        if (handler instanceof HandlerMethod || !(e instanceof ErrorResponse r)) {
            return null; // a console controller's error is ConsoleErrors'
        }
        HttpStatus status = HttpStatus.resolve(r.getStatusCode().value());
        if (status == null) {
            return null;
        }
        String message = switch (status) {
            case NOT_FOUND -> page.text(request, "error.notFound");
            case METHOD_NOT_ALLOWED -> page.text(request, "error.methodNotAllowed");
            default -> null;
        };
        if (status.is4xxClientError()) {
            return page.of(request, status, message, List.of());
        }
        return null;
    }
}
