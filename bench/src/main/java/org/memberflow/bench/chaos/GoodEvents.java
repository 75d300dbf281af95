package org.memberflow.bench.chaos;

import java.time.Instant;

/** Valid events for the scenarios' members, as JSON. */
final class GoodEvents {
    private static final Instant OCCURRED = Instant.parse("2026-11-01T08:00:00Z");

    private GoodEvents() {
    }

    /** An event of {@code type} with the common fields and {@code fields} (",\"name\":value..." or ""). */
    static String json(String eventId, String memberId, String type, String fields) {
        return "{\"eventId\":\"" + eventId + "\",\"memberId\":\"" + memberId + "\",\"type\":\"" + type
                + "\",\"occurredAt\":\"" + OCCURRED + "\"" + fields + "}";
    }

    static String registered(String eventId, String memberId) {
        return json(eventId, memberId, "REGISTERED",
                ",\"profile\":{\"tier\":\"silver\",\"timeZone\":\"Asia/Shanghai\",\"birthday\":\"1990-05-20\"}");
    }

    static String purchase(String eventId, String memberId, String orderId) {
        return json(eventId, memberId, "PURCHASE", ",\"orderId\":\"" + orderId + "\",\"amount\":88.00,\"storeId\":\"s-1\"");
    }
}
