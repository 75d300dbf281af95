package org.memberflow.api.ruleset;

import org.memberflow.engine.event.EventReader;
import org.memberflow.engine.event.InvalidEventException;
import org.memberflow.rules.fact.MemberEvent;
import tools.jackson.databind.JsonNode;

/** Events given in a simulate or explain request: checked as the engine checks them, and of the member named. */
final class MemberEvents {
    private static final EventReader READER = new EventReader();

    private MemberEvents() {
    }

    static MemberEvent read(JsonNode node, String memberId) throws InvalidEventException {
        MemberEvent event = READER.read(READER.write(node));
        if (!event.getMemberId().equals(memberId)) {
            throw new InvalidEventException("/memberId", "must be the member's id, " + memberId);
        }
        return event;
    }
}
