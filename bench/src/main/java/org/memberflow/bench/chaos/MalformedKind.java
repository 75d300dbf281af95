package org.memberflow.bench.chaos;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The kinds of bad record issue 8 names, each as the bytes a careless producer would send to
 * {@code member-events}. Each is refused by the engine for its own reason.
 */
enum MalformedKind {
    BAD_JSON, UNKNOWN_TYPE, NULL_KEY, LARGEST_RECORD, INVALID_UTF8;

    /** The record's key, or null. */
    byte[] key(String memberId) {
        return this == NULL_KEY ? null : memberId.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The record's value.
     *
     * @param largestValue bytes of the largest value the topic accepts with this key (LARGEST_RECORD only)
     */
    byte[] value(String eventId, String memberId, int largestValue) {
        switch (this) {
            case BAD_JSON:
                return ("{\"eventId\":\"" + eventId + "\",\"memberId\":\"" + memberId + "\",\"type\":\"CHECK_IN\""
                        + ",\"occurredAt\":").getBytes(StandardCharsets.UTF_8);
            case UNKNOWN_TYPE:
                return GoodEvents.json(eventId, memberId, "TELEPORTED", "").getBytes(StandardCharsets.UTF_8);
            case NULL_KEY:
                return GoodEvents.json(eventId, memberId, "CHECK_IN", "").getBytes(StandardCharsets.UTF_8);
            case LARGEST_RECORD: {
                // A valid event padded with a long attribute up to the topic's limit.
                byte[] head = GoodEvents.json(eventId, memberId, "CHECK_IN", ",\"attributes\":{\"pad\":\"")
                        .replaceFirst("}$", "").getBytes(StandardCharsets.UTF_8);
                byte[] tail = "\"}}".getBytes(StandardCharsets.UTF_8);
                byte[] value = new byte[largestValue];
                Arrays.fill(value, (byte) 'x');
                System.arraycopy(head, 0, value, 0, head.length);
                System.arraycopy(tail, 0, value, value.length - tail.length, tail.length);
                return value;
            }
            case INVALID_UTF8: {
                // 0xC3 0x28: a two-byte sequence whose second byte is not a continuation byte.
                byte[] json = GoodEvents.json(eventId, memberId, "CHECK_IN", ",\"attributes\":{\"note\":\"caf__\"}")
                        .getBytes(StandardCharsets.UTF_8);
                int at = indexOf(json, "__".getBytes(StandardCharsets.UTF_8));
                json[at] = (byte) 0xC3;
                json[at + 1] = (byte) 0x28;
                return json;
            }
            default:
                throw new IllegalStateException(name());
        }
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }
}
