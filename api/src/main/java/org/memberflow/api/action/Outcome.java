package org.memberflow.api.action;

/** The fate of a decision, given once by the guardrails and kept in the action log. */
public enum Outcome {
    /** Passed every guardrail: published on campaign-actions and sent to the webhooks. */
    DELIVERED(null),
    /** The member is in the campaign's holdout: recorded, not delivered, the baseline of the lift. */
    CONTROL(null),
    /** The campaign is paused. */
    SUPPRESSED_PAUSED("paused"),
    /** The member reached the campaign's cap for the period. */
    SUPPRESSED_CAP("cap"),
    /** The member reached the daily cap over all campaigns (memberflow.delivery.member-daily-cap). */
    SUPPRESSED_DAILY_CAP("dailyCap"),
    /** Decided inside the campaign's quiet hours, whose policy is SUPPRESS. */
    SUPPRESSED_QUIET_HOURS("quietHours"),
    /** The campaign's budget (count or coupon value) is spent. */
    SUPPRESSED_BUDGET("budget");

    private final String reason;

    Outcome(String reason) {
        this.reason = reason;
    }

    /** For a suppression, its name in a campaign's results ({@code suppressed.cap}, ...); else null. */
    public String reason() {
        return reason;
    }
}
