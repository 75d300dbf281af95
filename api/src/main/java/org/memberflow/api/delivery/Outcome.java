package org.memberflow.api.delivery;

/** The fate of a decision, given once by the guardrails and kept in the action log. */
public enum Outcome {
    /** Passed every guardrail: published on campaign-actions and sent to the webhooks. */
    DELIVERED,
    /** The member is in the campaign's holdout: recorded, not delivered, the baseline of the lift. */
    CONTROL,
    /** The campaign is paused. */
    SUPPRESSED_PAUSED,
    /** The member reached the campaign's cap for the period. */
    SUPPRESSED_CAP,
    /** The member reached the daily cap over all campaigns (memberflow.delivery.member-daily-cap). */
    SUPPRESSED_DAILY_CAP,
    /** Decided inside the campaign's quiet hours, whose policy is SUPPRESS. */
    SUPPRESSED_QUIET_HOURS,
    /** The campaign's budget (count or coupon value) is spent. */
    SUPPRESSED_BUDGET
}
