package org.memberflow.rules.session;

/**
 * The rule set failed on one unit of work: a consequence threw, or the firings reached their
 * limit. Nothing it decided for that unit is used; the engine sends the event to the dead-letter
 * topic with this message and goes on with the next one.
 */
public final class RuleFailedException extends RuntimeException {
    public RuleFailedException(String message) {
        super(message);
    }

    public RuleFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
