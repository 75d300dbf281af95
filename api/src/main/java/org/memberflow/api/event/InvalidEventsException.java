package org.memberflow.api.event;

import java.util.List;

/** A posted event or batch that breaks the contract: nothing of it was accepted. */
public final class InvalidEventsException extends RuntimeException {
    private final List<FieldError> errors;

    InvalidEventsException(List<FieldError> errors) {
        super(errors.get(0).pointer() + ": " + errors.get(0).detail());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
