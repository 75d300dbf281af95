package org.memberflow.api.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import org.memberflow.api.campaign.Campaign;
import org.memberflow.engine.action.CampaignAction;
import org.memberflow.rules.decision.Decision;

/**
 * What a decision must be to be settled: the action log's columns hold its ids, and a coupon's
 * value is a plain amount the budget can add. The engine writes only such decisions; anything
 * else on the topic (a stray producer, a corrupt record) is refused here, with the reason, and
 * does not stop delivery.
 */
final class DecisionCheck {
    private static final int MAX_ID = Decision.MAX_KEY;
    /** What the params column (TEXT) holds, with room for JSON quoting. */
    private static final int MAX_PARAMS = 16_000;
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

    private DecisionCheck() {
    }

    /** Null when the decision can be settled; otherwise why not. */
    static String problem(CampaignAction a) {
        if (a == null) {
            return "no decision (null)";
        }
        if (a.actionId() == null || a.actionId().length() != 32) {
            return "actionId must be 32 characters";
        }
        if (a.type() == null || a.decidedAt() == null || a.ruleSetVersion() == null || a.rule() == null
                || a.causeEventId() == null) {
            return "type, decidedAt, rule, ruleSetVersion and causeEventId are required";
        }
        if (a.rule().length() > Decision.MAX_RULE_NAME || a.ruleSetVersion().length() > 128
                || a.causeEventId().length() > MAX_ID || (a.timeZone() != null && a.timeZone().length() > MAX_ID)) {
            return "rule (255), ruleSetVersion (128), causeEventId (64) or timeZone (64) is too long";
        }
        if (a.decidedAt().isBefore(EARLIEST) || !a.decidedAt().isBefore(LATEST)) {
            return "decidedAt is out of range: " + a.decidedAt();
        }
        int paramsLength = a.params().entrySet().stream().mapToInt(e -> e.getKey().length() + e.getValue().length() + 8).sum();
        if (paramsLength > MAX_PARAMS) {
            return "params are too long (" + paramsLength + " characters)";
        }
        String ids = idProblem("memberId", a.memberId()) + idProblem("campaignId", a.campaignId())
                + idProblem("periodKey", a.periodKey()) + idProblem("brandId", a.brandId());
        if (!ids.isEmpty()) {
            return ids.trim();
        }
        String value = a.params().get("couponValue");
        if (value != null) {
            try {
                BigDecimal v = new BigDecimal(value);
                if (v.signum() < 0 || v.compareTo(Campaign.MAX_AMOUNT) > 0 || v.stripTrailingZeros().scale() > 2) {
                    return "couponValue must be from 0 to " + Campaign.MAX_AMOUNT.toPlainString() + " with at most 2 decimals";
                }
            } catch (NumberFormatException e) {
                return "couponValue is not a decimal: " + value;
            }
        }
        return null;
    }

    private static String idProblem(String name, String value) {
        return value == null || value.isBlank() || value.length() > MAX_ID
                ? name + " must be 1 to " + MAX_ID + " characters. " : "";
    }
}
