package org.memberflow.rules.decision;

/** What a downstream system is asked to do. */
public enum ActionType {
    ISSUE_COUPON,
    SEND_MESSAGE,
    GRANT_POINTS,
    TAG_MEMBER
}
