package org.memberflow.rules.session;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that cannot run, with every error found (not just the first). */
public final class RuleSetRejectedException extends Exception {
    private final List<CompileError> errors;

    public RuleSetRejectedException(List<CompileError> errors) {
        super(errors.stream().map(CompileError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<CompileError> errors() {
        return errors;
    }
}
