package org.memberflow.api.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.memberflow.api.action.Outcome;
import org.memberflow.api.campaign.Campaign;
import org.memberflow.api.campaign.QuietHours;
import org.memberflow.api.campaign.QuietPolicy;
import org.memberflow.engine.action.CampaignAction;
import org.memberflow.rules.decision.ActionType;

/**
 * The limits a brand sets, applied to one decision, in this order: a paused campaign; the campaign's
 * cap per member and period; the member's daily cap over all campaigns; the quiet hours; the
 * budget. What passes them all is delivered, unless the member is in the campaign's control
 * group: then it is recorded as CONTROL, neither contacted nor spending the budget.
 */
final class Guardrails {
    private static final Set<ActionType> REACH_MEMBER =
            EnumSet.of(ActionType.ISSUE_COUPON, ActionType.SEND_MESSAGE, ActionType.GRANT_POINTS);

    private final int memberDailyCap;
    private final ZoneId defaultZone;

    Guardrails(int memberDailyCap, ZoneId defaultZone) {
        this.memberDailyCap = memberDailyCap;
        this.defaultZone = defaultZone;
    }

    /** Coupons, messages and points reach the member (caps and quiet hours apply); tags do not. */
    static boolean reachesMember(ActionType type) {
        return REACH_MEMBER.contains(type);
    }

    /**
     * @param campaign the campaign's row, or null: then only the daily cap applies
     * @param history  what the member was delivered recently; the delivered action is added to it
     * @param spend    the campaign's spending (null without a row); a delivered action spends it
     * @param now      the wall clock: quiet hours are about when the member is contacted
     */
    Verdict judge(CampaignAction action, Campaign campaign, MemberDeliveries history, Spend spend, Instant now) {
        boolean reaches = reachesMember(action.type());
        ZoneId zone = zoneOf(action);
        if (campaign != null && campaign.paused()) {
            return Verdict.of(Outcome.SUPPRESSED_PAUSED);
        }
        // A control member meets every limit a treated one would (without being contacted or
        // spending), so that control stands for "would have been delivered" and the lift compares
        // like with like.
        boolean control = campaign != null
                && Holdout.isControl(action.campaignId(), action.memberId(), campaign.holdoutPercent());
        if (campaign != null && campaign.capCount() != null
                && history.ofCampaignWithin(action.campaignId(), action.decidedAt(), campaign.capPeriodDays()) >= campaign.capCount()) {
            return Verdict.of(Outcome.SUPPRESSED_CAP);
        }
        if (reaches && memberDailyCap > 0 && history.contactsOnDayOf(action.decidedAt(), zone) >= memberDailyCap) {
            return Verdict.of(Outcome.SUPPRESSED_DAILY_CAP);
        }
        Instant notBefore = null;
        QuietHours quiet = campaign == null ? null : campaign.quietHours();
        if (reaches && quiet != null) {
            Optional<Instant> end = quiet.endIfInside(now, zone);
            if (end.isPresent() && quiet.policy() == QuietPolicy.SUPPRESS) {
                return Verdict.of(Outcome.SUPPRESSED_QUIET_HOURS);
            }
            notBefore = end.orElse(null);
        }
        BigDecimal value = couponValue(action);
        if (spend != null && !spend.fits(value)) {
            return Verdict.of(Outcome.SUPPRESSED_BUDGET);
        }
        history.add(action.campaignId(), action.type(), action.decidedAt(), control);
        if (control) {
            return Verdict.of(Outcome.CONTROL);
        }
        if (spend != null) {
            spend.consume(value);
        }
        return new Verdict(Outcome.DELIVERED, notBefore);
    }

    /**
     * The coupon value in yuan an action spends of a value budget: its {@code couponValue}, or 0.
     * {@link DecisionCheck} has refused decisions whose value is not a decimal from 0 up.
     */
    static BigDecimal couponValue(CampaignAction action) {
        String value = action.params().get("couponValue");
        return value == null ? BigDecimal.ZERO : new BigDecimal(value);
    }

    ZoneId zoneOf(CampaignAction action) {
        if (action.timeZone() == null) {
            return defaultZone;
        }
        try {
            return ZoneId.of(action.timeZone());
        } catch (RuntimeException e) {
            return defaultZone;
        }
    }
}
