package org.memberflow.api.campaign;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What a campaign did: decisions by outcome, what it spent, and whether it worked: the conversion
 * of treated members (delivered) against the control group's, and the lift.
 *
 * @param decided              every decision of the campaign
 * @param deferredByQuietHours delivered actions held until the quiet hours ended (part of delivered)
 * @param suppressed           by reason: paused, cap, dailyCap, quietHours, budget
 */
public record CampaignResults(String campaignId, long decided, long delivered, long control,
        long deferredByQuietHours, Map<String, Long> suppressed, Spent spent, Conversion conversion) {

    public record Spent(long count, BigDecimal value) {
    }

    /** @param days a purchase within this many days after the action converts it */
    public record Conversion(int days, Group treated, Group control, Lift lift) {
    }

    /** @param rate converted / actions, null for an empty group */
    public record Group(long actions, long converted, Double rate) {
        static Group of(long actions, long converted) {
            return new Group(actions, converted, actions == 0 ? null : (double) converted / actions);
        }
    }
}
