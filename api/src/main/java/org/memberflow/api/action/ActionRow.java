package org.memberflow.api.action;

import java.time.Instant;

/** A row of {@code campaign_action}; params as JSON text. */
public record ActionRow(
        String actionId,
        String brandId,
        String memberId,
        String campaignId,
        String periodKey,
        String actionType,
        String params,
        String ruleName,
        String ruleSetVersion,
        String causeEventId,
        Instant decidedAt,
        Instant notBefore,
        boolean control) {
}
