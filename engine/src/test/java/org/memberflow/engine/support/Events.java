package org.memberflow.engine.support;

import java.util.concurrent.atomic.AtomicInteger;

/** Event JSON for tests, each with a fresh event id unless one is given. */
public final class Events {
    private static final AtomicInteger SEQ = new AtomicInteger();

    private Events() {
    }

    public static String next() {
        return "ev-" + SEQ.incrementAndGet();
    }

    public static String registered(String member, String at, String profileJson) {
        return "{\"eventId\":\"" + next() + "\",\"memberId\":\"" + member + "\",\"type\":\"REGISTERED\",\"occurredAt\":\""
                + at + "\"" + (profileJson == null ? "" : ",\"profile\":" + profileJson) + "}";
    }

    public static String purchase(String member, String at, String orderId, String amount) {
        return "{\"eventId\":\"" + next() + "\",\"memberId\":\"" + member + "\",\"type\":\"PURCHASE\",\"occurredAt\":\""
                + at + "\",\"orderId\":\"" + orderId + "\",\"amount\":" + amount + "}";
    }

    public static String refund(String member, String at, String orderId, String amount) {
        return "{\"eventId\":\"" + next() + "\",\"memberId\":\"" + member + "\",\"type\":\"REFUND\",\"occurredAt\":\""
                + at + "\",\"orderId\":\"" + orderId + "\",\"amount\":" + amount + "}";
    }

    public static String pointsEarned(String member, String at, String lotId, long points, String expiresAt) {
        return "{\"eventId\":\"" + next() + "\",\"memberId\":\"" + member + "\",\"type\":\"POINTS_EARNED\",\"occurredAt\":\""
                + at + "\",\"lotId\":\"" + lotId + "\",\"points\":" + points
                + (expiresAt == null ? "" : ",\"expiresAt\":\"" + expiresAt + "\"") + "}";
    }

    public static String pointsRedeemed(String member, String at, long points) {
        return "{\"eventId\":\"" + next() + "\",\"memberId\":\"" + member + "\",\"type\":\"POINTS_REDEEMED\",\"occurredAt\":\""
                + at + "\",\"points\":" + points + "}";
    }

    public static String checkIn(String member, String at) {
        return "{\"eventId\":\"" + next() + "\",\"memberId\":\"" + member + "\",\"type\":\"CHECK_IN\",\"occurredAt\":\""
                + at + "\"}";
    }

    public static String withId(String eventId, String member, String type, String at) {
        return "{\"eventId\":\"" + eventId + "\",\"memberId\":\"" + member + "\",\"type\":\"" + type
                + "\",\"occurredAt\":\"" + at + "\"}";
    }
}
