package org.memberflow.api.problem;

import java.util.List;
import org.memberflow.api.event.FieldError;

/** A request body or form with bad fields; answered as a 400 naming every one. */
public final class InvalidRequestException extends RuntimeException {
    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(errors.get(0).pointer() + " " + errors.get(0).detail());
        this.errors = List.copyOf(errors);
    }

    public InvalidRequestException(String pointer, String detail) {
        this(List.of(new FieldError(pointer, detail)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
