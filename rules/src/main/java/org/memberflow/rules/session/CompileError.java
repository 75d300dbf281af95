package org.memberflow.rules.session;

/** One problem found while compiling a rule set; line and column are 1-based, 0 when unknown. */
public record CompileError(String file, int line, int column, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
