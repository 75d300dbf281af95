package org.memberflow.api.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.memberflow.api.event.FieldError;
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
 * never a stack trace; ahead of the API's problem documents, for the console's controllers only.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {
    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e, HttpServletRequest request) {
        return page(request, HttpStatus.NOT_FOUND, e.getMessage(), List.of());
    }

    @ExceptionHandler(InvalidRequestException.class)
    ModelAndView invalid(InvalidRequestException e, HttpServletRequest request) {
        return page(request, HttpStatus.BAD_REQUEST, null, e.errors());
    }

    @ExceptionHandler(InvalidParameterException.class)
    ModelAndView invalidParameter(InvalidParameterException e, HttpServletRequest request) {
        return page(request, HttpStatus.BAD_REQUEST, e.parameter() + " " + e.getMessage(), List.of());
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView badParameter(Exception e, HttpServletRequest request) {
        return page(request, HttpStatus.BAD_REQUEST, e.getMessage(), List.of());
    }

    /** A rule that throws or loops while simulating or explaining: the rule set's fault, named. */
    @ExceptionHandler(RuleFailedException.class)
    ModelAndView ruleFailed(RuleFailedException e, HttpServletRequest request) {
        return page(request, HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage(), List.of());
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request) {
        log.error("console request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return page(request, HttpStatus.INTERNAL_SERVER_ERROR, null, List.of());
    }

    private static ModelAndView page(HttpServletRequest request, HttpStatus status, String message,
            List<FieldError> errors) {
        ModelAndView page = new ModelAndView(Htmx.isRequest(request) ? "console/fragments :: problem" : "console/error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("message", message);
        page.addObject("fieldErrors", errors);
        return page;
    }
}
