package org.memberflow.api.ruleset;

/** Kafka did not take the activation; nothing changed, and the caller may try again. */
public final class RuleSetNotPublishedException extends RuntimeException {
    RuleSetNotPublishedException(Throwable cause) {
        super("the rule set could not be published on rule-sets: " + cause.getMessage(), cause);
    }
}
