package org.memberflow.engine.action;

import java.time.Instant;
import java.util.Map;
import org.memberflow.rules.decision.ActionType;

/**
 * One decision of the rules. The engine writes it to {@code campaign-decisions}; the delivery stage
 * applies the campaign's guardrails and writes those that pass to {@code campaign-actions}, the
 * contract for downstream systems. {@code actionId} is stable (see {@link ActionIds}), so sinks and
 * receivers can drop repeats.
 *
 * @param notBefore earliest delivery time (the campaign's quiet hours, in the member's time zone);
 *                  null when it may go at once. Always null on {@code campaign-decisions}.
 * @param timeZone  the member's time zone (IANA id), null when the profile has none
 */
public record CampaignAction(
        String actionId,
        String brandId,
        String memberId,
        String campaignId,
        String periodKey,
        ActionType type,
        Map<String, String> params,
        String rule,
        String ruleSetVersion,
        String causeEventId,
        Instant decidedAt,
        Instant notBefore,
        String timeZone) {

    public CampaignAction {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    /** This action with its earliest delivery time set. */
    public CampaignAction deliverNotBefore(Instant instant) {
        return new CampaignAction(actionId, brandId, memberId, campaignId, periodKey, type, params, rule, ruleSetVersion,
                causeEventId, decidedAt, instant, timeZone);
    }
}
