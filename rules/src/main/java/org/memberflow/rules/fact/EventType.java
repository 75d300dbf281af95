package org.memberflow.rules.fact;

/** What a member did. The fields each type carries are listed in rules/README.md. */
public enum EventType {
    PURCHASE,
    REFUND,
    CHECK_IN,
    BROWSE,
    COUPON_REDEEMED,
    POINTS_EARNED,
    POINTS_REDEEMED,
    REGISTERED,
    PROFILE_UPDATED
}
