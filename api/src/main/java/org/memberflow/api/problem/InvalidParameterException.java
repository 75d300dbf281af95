package org.memberflow.api.problem;

/** A path or query parameter out of its range; answered as a 400 naming the parameter. */
public final class InvalidParameterException extends RuntimeException {
    private final String parameter;

    public InvalidParameterException(String parameter, String detail) {
        super(detail);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
