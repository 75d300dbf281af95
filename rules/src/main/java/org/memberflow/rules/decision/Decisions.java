package org.memberflow.rules.decision;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.memberflow.segments.RfmClass;

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
    private RfmClass rfmClass;
    private String classifiedBy;
    private boolean classificationFixed;

    /** Ask the coupon service to issue a coupon from {@code couponTemplate}. */
    public void issueCoupon(String campaignId, String periodKey, String couponTemplate) {
        record(ActionType.ISSUE_COUPON, campaignId, periodKey, Map.of("couponTemplate", couponTemplate));
    }

    /**
     * Ask the coupon service to issue a coupon from {@code couponTemplate} worth {@code value} yuan
     * (the param {@code couponValue}, written plainly: {@code 50.00}, never {@code 5E+1}); from 0 up,
     * with at most 2 decimals.
     */
    public void issueCoupon(String campaignId, String periodKey, String couponTemplate, BigDecimal value) {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("a coupon's value is yuan from 0 up, with at most 2 decimals: " + value);
        }
        record(ActionType.ISSUE_COUPON, campaignId, periodKey,
                Map.of("couponTemplate", couponTemplate, "couponValue", value.toPlainString()));
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

    /**
     * Put the member in RFM class {@code rfmClass} (RFM 分层): for classification rules, which
     * match {@code RfmProfile} and nothing else (the class is decided from the profile alone,
     * before the {@code Segment} fact is made from it). Two rules giving one member different
     * classes is an error of the rule set.
     */
    public void classify(RfmClass rfmClass) {
        Objects.requireNonNull(rfmClass, "rfmClass");
        if (classificationFixed) {
            if (rfmClass != this.rfmClass) {
                throw new IllegalStateException("rule \"" + currentRule + "\" classes the member " + rfmClass.code()
                        + " from more than its RfmProfile (the profile alone gives "
                        + (this.rfmClass == null ? "no class" : this.rfmClass.code()) + "): a classification rule may"
                        + " match RfmProfile only");
            }
            return;
        }
        if (this.rfmClass != null && this.rfmClass != rfmClass) {
            throw new IllegalStateException("two rules class the member differently: " + this.rfmClass.code() + " by \""
                    + classifiedBy + "\", " + rfmClass.code() + " by \"" + currentRule + "\"");
        }
        this.rfmClass = rfmClass;
        this.classifiedBy = currentRule;
    }

    /** What the consequences recorded, in firing order. */
    public List<Decision> recorded() {
        return List.copyOf(recorded);
    }

    /** Forgets everything, for the next unit of work in the same session. */
    void clear() {
        recorded.clear();
        currentRule = "";
        rfmClass = null;
        classifiedBy = null;
        classificationFixed = false;
    }

    /** Set before each consequence (see {@link DecisionRecorder}), so a decision knows its rule. */
    void enterRule(String ruleName) {
        currentRule = ruleName;
    }

    String currentRule() {
        return currentRule;
    }

    /** The class a rule gave, or null. */
    RfmClass classification() {
        return rfmClass;
    }

    /** The class is decided ({@code rfmClass}, or none): classifying otherwise is now an error. */
    void fixClassification(RfmClass rfmClass) {
        this.rfmClass = rfmClass;
        this.classificationFixed = true;
    }

    private void record(ActionType type, String campaignId, String periodKey, Map<String, String> params) {
        recorded.add(new Decision(type, campaignId, periodKey, params, currentRule));
    }
}
