package org.memberflow.rules.decision;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The decision API: the only thing a rule's consequence may change. Bound in every session as the
 * global {@code decisions}. Each call records one {@link Decision}; nothing is sent from here.
 *
 * <p>{@code periodKey} says "once per what": {@code "once"} for a welcome gift, the year for a
 * birthday, the date of the last purchase for an inactivity episode, the lot id for points.
 */
public final class Decisions {
    private final List<Decision> recorded = new ArrayList<>();
    private String currentRule = "";

    /** Ask the coupon service to issue a coupon from {@code couponTemplate}. */
    public void issueCoupon(String campaignId, String periodKey, String couponTemplate) {
        record(ActionType.ISSUE_COUPON, campaignId, periodKey, Map.of("couponTemplate", couponTemplate));
    }

    /**
     * Ask the coupon service to issue a coupon from {@code couponTemplate} worth {@code value} yuan
     * (the param {@code couponValue}, written plainly: {@code 50.00}, never {@code 5E+1}).
     */
    public void issueCoupon(String campaignId, String periodKey, String couponTemplate, BigDecimal value) {
        record(ActionType.ISSUE_COUPON, campaignId, periodKey,
                Map.of("couponTemplate", couponTemplate, "couponValue", Objects.requireNonNull(value, "value").toPlainString()));
    }

    /** Ask the message sender to send the message {@code messageTemplate}. */
    public void sendMessage(String campaignId, String periodKey, String messageTemplate) {
        record(ActionType.SEND_MESSAGE, campaignId, periodKey, Map.of("messageTemplate", messageTemplate));
    }

    /** Ask the points system to grant {@code points} points. */
    public void grantPoints(String campaignId, String periodKey, long points) {
        record(ActionType.GRANT_POINTS, campaignId, periodKey, Map.of("points", Long.toString(points)));
    }

    /** Put the tag {@code tag} on the member. */
    public void tagMember(String campaignId, String periodKey, String tag) {
        record(ActionType.TAG_MEMBER, campaignId, periodKey, Map.of("tag", tag));
    }

    /** What the consequences recorded, in firing order. */
    public List<Decision> recorded() {
        return List.copyOf(recorded);
    }

    /** Set before each consequence (see {@link DecisionRecorder}), so a decision knows its rule. */
    void enterRule(String ruleName) {
        currentRule = ruleName;
    }

    String currentRule() {
        return currentRule;
    }

    private void record(ActionType type, String campaignId, String periodKey, Map<String, String> params) {
        recorded.add(new Decision(type, campaignId, periodKey, params, currentRule));
    }
}
