package org.memberflow.api.action;

import java.time.Instant;

/** A delivered (or control) action of a member, as the caps count it. */
public record RecentDelivery(String memberId, String campaignId, String actionType, Instant decidedAt, String outcome) {
}
