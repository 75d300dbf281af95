package org.memberflow.engine.action;

import java.time.Instant;
import java.util.Map;
import org.memberflow.rules.decision.ActionType;

/**
 * The contract of {@code campaign-actions}: one decision, ready for a downstream system.
 * {@code actionId} is stable (see {@link ActionIds}), so sinks and receivers can drop repeats.
 *
 * @param notBefore earliest delivery time (quiet hours); null when it may go at once
 * @param control   true for a member held out as control: recorded, not delivered
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
        boolean control) {

    public CampaignAction {
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}
