package org.memberflow.engine.topology;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** The headers a dead letter carries: why it was refused and where it came from. */
public final class DeadLetterHeaders {
    public static final String REASON = "memberflow.dlq.reason";
    public static final String FIELD = "memberflow.dlq.field";
    public static final String EXCEPTION = "memberflow.dlq.exception";
    public static final String SOURCE_TOPIC = "memberflow.dlq.topic";
    public static final String SOURCE_PARTITION = "memberflow.dlq.partition";
    public static final String SOURCE_OFFSET = "memberflow.dlq.offset";
    /** The value's size in bytes, when the dead letter keeps only its first 64 KiB. */
    public static final String ORIGINAL_VALUE_BYTES = "memberflow.dlq.value-bytes";
    /** The key's size in bytes, when the dead letter keeps only its first KiB. */
    public static final String ORIGINAL_KEY_BYTES = "memberflow.dlq.key-bytes";
    /** The original headers' size in bytes, when they were too large to keep (over 16 KiB). */
    public static final String ORIGINAL_HEADER_BYTES = "memberflow.dlq.headers-bytes";

    private static final int MAX_VALUE_CHARS = 2048;

    private DeadLetterHeaders() {
    }

    /**
     * The original headers plus ours; the original record's headers are kept for forensics, unless
     * {@link BoundedDeadLetter} had to drop them.
     */
    static Headers of(Headers original, String reason, String field, Class<?> exception, RecordMetadata source) {
        Headers headers = new RecordHeaders(original.toArray());
        put(headers, REASON, reason);
        put(headers, FIELD, field);
        put(headers, EXCEPTION, exception.getName());
        if (source != null) {
            put(headers, SOURCE_TOPIC, source.topic());
            put(headers, SOURCE_PARTITION, Integer.toString(source.partition()));
            put(headers, SOURCE_OFFSET, Long.toString(source.offset()));
        }
        return headers;
    }

    private static void put(Headers headers, String key, String value) {
        headers.remove(key);
        // A reason quotes what it could not read: bounded, so the dead letter stays small.
        String bounded = value.length() <= MAX_VALUE_CHARS ? value : value.substring(0, MAX_VALUE_CHARS) + "…";
        headers.add(key, bounded.getBytes(StandardCharsets.UTF_8));
    }
}
