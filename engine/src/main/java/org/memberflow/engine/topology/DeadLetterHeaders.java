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

    private DeadLetterHeaders() {
    }

    /** The original headers plus ours; the original record's headers are kept for forensics. */
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
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
