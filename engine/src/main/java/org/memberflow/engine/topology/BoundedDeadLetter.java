package org.memberflow.engine.topology;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.memberflow.engine.event.EventReader;

/**
 * Cuts a refused record down to what the dead-letter topic takes. A record as large as
 * {@code member-events} accepts (about 1 MiB), plus the reason headers, is larger than the
 * engine's producer sends ({@code max.request.size}, 1 MiB) and than the DLQ topic keeps: its
 * send failed, the stream thread died, and its replacement read the same record again, for ever,
 * holding back every event behind it on the partition (issue 8, malformed records).
 *
 * <p>So a dead letter keeps the first {@link #MAX_VALUE_BYTES} of the value (an event is refused
 * above that size anyway, so the prefix is all that could be read of it), the first
 * {@link #MAX_KEY_BYTES} of the key (a member id is at most 64 characters), and the original
 * headers only while they total at most {@link #MAX_ORIGINAL_HEADER_BYTES}. What was cut is said
 * in headers: the original sizes in bytes.
 */
final class BoundedDeadLetter {
    static final int MAX_VALUE_BYTES = EventReader.MAX_RECORD_BYTES;
    static final int MAX_KEY_BYTES = 1024;
    static final int MAX_ORIGINAL_HEADER_BYTES = 16 * 1024;

    private BoundedDeadLetter() {
    }

    static byte[] value(byte[] value) {
        return value == null || value.length <= MAX_VALUE_BYTES ? value : Arrays.copyOf(value, MAX_VALUE_BYTES);
    }

    static byte[] key(byte[] key) {
        return key == null || key.length <= MAX_KEY_BYTES ? key : Arrays.copyOf(key, MAX_KEY_BYTES);
    }

    /** The original headers, or none if they are too large; the sizes of what was cut, as headers. */
    static Headers headers(byte[] key, byte[] value, Headers original) {
        int originalBytes = 0;
        for (Header h : original) {
            originalBytes += h.key().length() + (h.value() == null ? 0 : h.value().length);
        }
        Headers headers = originalBytes <= MAX_ORIGINAL_HEADER_BYTES ? new RecordHeaders(original.toArray())
                : new RecordHeaders();
        if (originalBytes > MAX_ORIGINAL_HEADER_BYTES) {
            put(headers, DeadLetterHeaders.ORIGINAL_HEADER_BYTES, originalBytes);
        }
        if (value != null && value.length > MAX_VALUE_BYTES) {
            put(headers, DeadLetterHeaders.ORIGINAL_VALUE_BYTES, value.length);
        }
        if (key != null && key.length > MAX_KEY_BYTES) {
            put(headers, DeadLetterHeaders.ORIGINAL_KEY_BYTES, key.length);
        }
        return headers;
    }

    private static void put(Headers headers, String name, int bytes) {
        headers.remove(name);
        headers.add(name, Integer.toString(bytes).getBytes(StandardCharsets.UTF_8));
    }
}
