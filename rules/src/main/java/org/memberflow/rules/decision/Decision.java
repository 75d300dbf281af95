package org.memberflow.rules.decision;

import java.util.Map;
import java.util.Objects;

/**
 * One decision a rule made: do {@code type} for the member, on behalf of {@code campaignId}, once
 * per {@code periodKey}. The engine turns it into an action with a stable id.
 *
 * @param rule the name of the rule whose consequence made it
 */
public record Decision(ActionType type, String campaignId, String periodKey, Map<String, String> params, String rule) {
    /** The longest campaign id and period key: what the action log and the campaigns table hold. */
    public static final int MAX_KEY = 64;
    /** The longest name of a deciding rule the action log holds. */
    public static final int MAX_RULE_NAME = 255;

    public Decision {
        Objects.requireNonNull(type, "type");
        requireText(campaignId, "campaignId");
        requireText(periodKey, "periodKey");
        params = Map.copyOf(params);
        Objects.requireNonNull(rule, "rule");
        if (rule.length() > MAX_RULE_NAME) {
            throw new IllegalArgumentException("a deciding rule's name must be at most " + MAX_RULE_NAME + " characters");
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.length() > MAX_KEY) {
            throw new IllegalArgumentException(name + " must be at most " + MAX_KEY + " characters: " + value);
        }
    }
}
