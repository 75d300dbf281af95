package org.memberflow.api.privacy;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/** JSON logs ({@code MEMBERFLOW_LOG_FORMAT}) with every phone number in every text value masked. */
public class MaskedJsonLogs implements StructuredLoggingJsonMembersCustomizer<Object> {
    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, PhoneMask::maskAll));
    }
}
