package org.memberflow.api.problem;

import java.net.URI;
import java.util.List;
import org.memberflow.api.event.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem documents with MemberFlow's problem types. */
public final class Problems {
    private static final String BASE = "https://memberflow.org/problems/";

    private Problems() {
    }

    /** A 400 naming every bad field: {@code errors} lists {pointer, detail}. */
    public static ProblemDetail invalid(String typeName, String title, List<FieldError> errors) {
        FieldError first = errors.get(0);
        String detail = first.pointer().isEmpty() ? first.detail() : first.pointer() + " " + first.detail();
        if (errors.size() > 1) {
            detail += " (and " + (errors.size() - 1) + " more)";
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(URI.create(BASE + typeName));
        problem.setTitle(title);
        problem.setProperty("errors", errors);
        return problem;
    }

    public static ProblemDetail of(HttpStatus status, String typeName, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(BASE + typeName));
        problem.setTitle(title);
        return problem;
    }
}
