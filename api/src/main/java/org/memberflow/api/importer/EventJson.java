package org.memberflow.api.importer;

import java.time.Instant;
import org.memberflow.rules.fact.MemberEvent;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON of imported events: the common fields, and the attribute that marks them as history. */
final class EventJson {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private EventJson() {
    }

    /** An event of {@code type}, marked {@code attributes.source = "import"} for the rules ({@code MemberEvent.isImported()}). */
    static ObjectNode event(String eventId, String memberId, String brand, String type, Instant occurredAt) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("eventId", eventId);
        node.put("memberId", memberId);
        node.put("brandId", brand);
        node.put("type", type);
        node.put("occurredAt", occurredAt.toString());
        node.putObject("attributes").put(MemberEvent.SOURCE_ATTRIBUTE, MemberEvent.IMPORTED);
        return node;
    }
}
