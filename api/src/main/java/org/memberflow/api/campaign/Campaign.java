package org.memberflow.api.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;

/**
 * A campaign's limits, as the {@code campaign} table holds them. The id is the {@code campaignId}
 * the rules decide under. Null limits are no limits.
 *
 * @param budgetCount     at most this many actions delivered
 * @param budgetValue     at most this much coupon value (yuan, the actions' {@code couponValue}) delivered
 * @param capCount        at most this many actions per member within {@code capPeriodDays}
 * @param holdoutPercent  this share of members (by a hash of campaign and member) held out as control
 * @param quietStart      the start of the quiet hours in the member's time zone; with quietEnd, a window
 *                        that may wrap midnight (22:00–08:00)
 * @param conversionDays  a purchase this many days after an action counts as its conversion
 */
public record Campaign(
        String campaignId,
        String name,
        CampaignStatus status,
        Long budgetCount,
        BigDecimal budgetValue,
        long spentCount,
        BigDecimal spentValue,
        Integer capCount,
        Integer capPeriodDays,
        BigDecimal holdoutPercent,
        LocalTime quietStart,
        LocalTime quietEnd,
        QuietPolicy quietPolicy,
        int conversionDays,
        Instant createdAt,
        Instant updatedAt) {

    /** The largest amount of yuan the tables hold (DECIMAL(14,2)): budgets, spend, coupon values. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    public boolean paused() {
        return status == CampaignStatus.PAUSED;
    }

    public boolean hasBudget() {
        return budgetCount != null || budgetValue != null;
    }

    /** The quiet hours, or null when the campaign has none. */
    public QuietHours quietHours() {
        return quietStart == null || quietEnd == null ? null
                : new QuietHours(quietStart, quietEnd, quietPolicy == null ? QuietPolicy.DEFER : quietPolicy);
    }
}
