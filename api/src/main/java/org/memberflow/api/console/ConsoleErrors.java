package org.memberflow.api.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.memberflow.api.problem.InvalidParameterException;
import org.memberflow.api.problem.InvalidRequestException;
import org.memberflow.api.problem.NotFoundException;
import org.memberflow.rules.session.RuleFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the console's pages as pages (or, for an htmx request, as the fragment it swaps in),
 * never a stack trace or a Java type; ahead of the API's problem documents, for the console's
 * controllers only. Errors before any console controller is chosen (an unknown path, an upload
 * too large) are {@link ConsolePathErrors}'.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {
    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);
    private final ConsoleErrorPage page;

    ConsoleErrors(ConsoleErrorPage page) {
        this.page = page;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e, HttpServletRequest request) {
        return page.of(request, HttpStatus.NOT_FOUND, e.getMessage(), List.of());
    }

    @ExceptionHandler(InvalidRequestException.class)
    ModelAndView invalid(InvalidRequestException e, HttpServletRequest request) {
        return page.of(request, HttpStatus.BAD_REQUEST, null, e.errors());
    }

    @ExceptionHandler(InvalidParameterException.class)
    ModelAndView invalidParameter(InvalidParameterException e, HttpServletRequest request) {
        return page.of(request, HttpStatus.BAD_REQUEST, e.parameter() + " " + e.getMessage(), List.of());
    }

    /** {@code ?page=two}, {@code /rulesets/abc}: named, in words (Spring's message names Java types). */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return page.of(request, HttpStatus.BAD_REQUEST, page.text(request, "error.badParameter", e.getName()), List.of());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return page.of(request, HttpStatus.BAD_REQUEST, page.text(request, "error.missingParameter", e.getParameterName()),
                List.of());
    }

    /** A rule that throws or loops while simulating or explaining: the rule set's fault, named. */
    @ExceptionHandler(RuleFailedException.class)
    ModelAndView ruleFailed(RuleFailedException e, HttpServletRequest request) {
        return page.of(request, HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage(), List.of());
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request) {
        log.error("console request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return page.of(request, HttpStatus.INTERNAL_SERVER_ERROR, null, List.of());
    }
}
