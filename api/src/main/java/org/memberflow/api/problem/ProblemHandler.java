package org.memberflow.api.problem;

import java.util.List;
import org.memberflow.api.event.EventsNotStoredException;
import org.memberflow.api.event.FieldError;
import org.memberflow.api.event.InvalidEventsException;
import org.memberflow.api.ruleset.RuleSetNotPublishedException;
import org.memberflow.rules.session.CompileError;
import org.memberflow.rules.session.RuleFailedException;
import org.memberflow.rules.session.RuleSetRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every error as an RFC 9457 problem document ({@code application/problem+json}); Spring MVC's
 * own errors (wrong media type, unknown path) come through the base class the same way.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(InvalidEventsException.class)
    ProblemDetail invalidEvents(InvalidEventsException e) {
        return Problems.invalid("invalid-event", "The event breaks the event contract", e.errors());
    }

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail invalidParameter(InvalidParameterException e) {
        return Problems.invalid("invalid-parameter", "A parameter is out of range",
                List.of(new FieldError(e.parameter(), e.getMessage())));
    }

    /**
     * A body Jackson cannot read into the request's type (a word where a number goes, a date
     * that does not exist): a 400 naming the field by its JSON pointer, as every other bad field.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException json = outermostJsonError(ex);
        if (json == null || json.getPath().isEmpty()) {
            return super.handleHttpMessageNotReadable(ex, headers, status, request);
        }
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference ref : json.getPath()) {
            pointer.append('/').append(ref.getPropertyName() != null ? ref.getPropertyName() : ref.getIndex());
        }
        ProblemDetail problem = Problems.invalid("invalid-request", "The request has invalid fields",
                List.of(new FieldError(pointer.toString(), "cannot be read: " + json.getOriginalMessage())));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A path or query parameter that is not of its type ({@code ?page=two}): a 400 naming it. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        Class<?> type = ex.getRequiredType();
        ProblemDetail problem = Problems.invalid("invalid-parameter", "A parameter is out of range",
                List.of(new FieldError(name, "must be " + (type == null ? "of another type" : "a " + describe(type))
                        + ", not '" + ex.getValue() + "'")));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String describe(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "whole number";
        }
        return type.getSimpleName();
    }

    /** The Jackson error that knows the path; its own cause (a DateTimeParseException, say) does not. */
    private static JacksonException outermostJsonError(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof JacksonException json) {
                return json;
            }
        }
        return null;
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalidRequest(InvalidRequestException e) {
        return Problems.invalid("invalid-request", "The request has invalid fields", e.errors());
    }

    @ExceptionHandler(RuleSetRejectedException.class)
    ProblemDetail ruleSetRejected(RuleSetRejectedException e) {
        List<CompileError> errors = e.errors();
        String detail = errors.get(0) + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "rule-set-rejected",
                "The rule set does not compile or breaks the safety rules", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** A rule that throws or loops while simulating or explaining: the rule set's fault, named. */
    @ExceptionHandler(RuleFailedException.class)
    ProblemDetail ruleFailed(RuleFailedException e) {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "rule-failed", "A rule failed", e.getMessage());
    }

    @ExceptionHandler(RuleSetNotPublishedException.class)
    ProblemDetail ruleSetNotPublished(RuleSetNotPublishedException e) {
        log.warn("rule set not published: {}", e.getMessage());
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "rule-set-not-published",
                "The activation could not be published", "Kafka did not acknowledge the rule set; nothing changed, retry");
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, e.what() + "-not-found", "No such " + e.what(), e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return Problems.of(HttpStatus.CONFLICT, e.type(), "The request conflicts with the current state", e.getMessage());
    }

    @ExceptionHandler(EventsNotStoredException.class)
    ProblemDetail notStored(EventsNotStoredException e) {
        log.warn("events not stored: {}", e.getMessage());
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "events-not-stored", "The events could not be stored",
                "Kafka did not acknowledge the events; retry with the same event ids");
    }

    /**
     * A store this request needs is down (MariaDB or Redis): 503 and a problem document, at once
     * (Hikari and Lettuce fail fast, see application.yml and RedisClientOptions). Any other failure
     * of a store is a 500 problem document that says nothing of its inside.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> storeFailed(RuntimeException e) {
        if (StoreOutage.is(e)) {
            log.warn("answered 503, a store is unavailable: {}", NestedExceptionUtils.getMostSpecificCause(e).getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER,
                    StoreOutage.RETRY_AFTER_SECONDS).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(StoreOutage.problem());
        }
        log.error("a store failed", e);
        return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "The server failed", "the request could not be completed"));
    }

    /** A multipart body cut short or malformed (an oversized one is 413, by the base class). */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableMultipart(MultipartException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-multipart", "The multipart body cannot be read",
                e.getMostSpecificCause().getMessage() == null ? "malformed multipart body" : e.getMostSpecificCause().getMessage());
    }
}
