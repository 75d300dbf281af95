package org.memberflow.api.action;

import java.time.Instant;

/**
 * A row of {@code campaign_action}: a decision with its outcome; params as JSON text.
 *
 * @param sourcePartition the partition of campaign-decisions whose record settled it
 * @param sourceOffset    that record's offset
 */
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
        String timeZone,
        String outcome,
        Integer sourcePartition,
        Long sourceOffset) {
}
