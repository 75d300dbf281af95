package org.memberflow.engine.event;

/**
 * An event that breaks the contract. {@code field} is a JSON pointer to the offending field
 * ({@code /amount}, {@code /profile/birthday}), or empty when the record as a whole is bad.
 */
public final class InvalidEventException extends Exception {
    private final String field;
    private final String reason;

    public InvalidEventException(String field, String reason) {
        super(field.isEmpty() ? reason : field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
