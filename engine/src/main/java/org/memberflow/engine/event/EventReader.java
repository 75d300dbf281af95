package org.memberflow.engine.event;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.memberflow.rules.fact.MemberEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the bytes of a {@code member-events} record (or a JSON node posted to the API) into a
 * {@link MemberEvent}, or says exactly what is wrong. The one gate every event passes, whichever
 * way it came in.
 */
public final class EventReader {
    /** Largest record accepted: 64 KiB. */
    public static final int MAX_RECORD_BYTES = 64 * 1024;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final EventValidator validator = new EventValidator(MAPPER);

    /** Reads one event from raw record bytes. */
    public MemberEvent read(byte[] bytes) throws InvalidEventException {
        return validator.validate(readTree(bytes, MAX_RECORD_BYTES));
    }

    /** Parses bytes of at most {@code maxBytes} into JSON, checking size and encoding first. */
    public JsonNode readTree(byte[] bytes, int maxBytes) throws InvalidEventException {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidEventException("", "the record has no value");
        }
        if (bytes.length > maxBytes) {
            throw new InvalidEventException("", "the record is " + bytes.length + " bytes, more than the "
                    + maxBytes + " allowed");
        }
        requireUtf8(bytes);
        try {
            return MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw new InvalidEventException("", "not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Serialises a JSON node back to bytes (one element of a batch becomes one record). */
    public byte[] write(JsonNode node) {
        return MAPPER.writeValueAsBytes(node);
    }

    private static void requireUtf8(byte[] bytes) throws InvalidEventException {
        if (isAscii(bytes)) {
            return; // nearly every event: no decoder, no buffer
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new InvalidEventException("", "the record is not valid UTF-8");
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
