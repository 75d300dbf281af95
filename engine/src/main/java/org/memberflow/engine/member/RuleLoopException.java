package org.memberflow.engine.member;

/** The rules hit the firing limit on one unit of work: a rule loops. Nothing it decided is used. */
public final class RuleLoopException extends RuntimeException {
    public RuleLoopException(int limit) {
        super("rule firing limit of " + limit + " reached: a rule loops");
    }
}
