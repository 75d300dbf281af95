package org.memberflow.api.problem;

/** Something named in the path does not exist; answered as a 404 problem. */
public final class NotFoundException extends RuntimeException {
    private final String what;

    public NotFoundException(String what, String detail) {
        super(detail);
        this.what = what;
    }

    public String what() {
        return what;
    }
}
