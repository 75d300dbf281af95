package org.memberflow.api.problem;

/** The request is valid but the resource's state does not allow it; answered as a 409 problem. */
public final class ConflictException extends RuntimeException {
    private final String type;

    /** @param type the problem's type, a short slug such as {@code already-delivered} */
    public ConflictException(String type, String detail) {
        super(detail);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
