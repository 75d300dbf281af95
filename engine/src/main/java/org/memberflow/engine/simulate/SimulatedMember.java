package org.memberflow.engine.simulate;

import java.util.List;
import org.memberflow.engine.member.MemberState;
import org.memberflow.rules.fact.MemberEvent;

/**
 * One member to simulate: their state (null for a member not yet known) and the events to play,
 * in order; with no events, the member is swept by the simulation's tick.
 */
public record SimulatedMember(String memberId, MemberState state, List<MemberEvent> events) {
    public SimulatedMember {
        events = List.copyOf(events);
    }
}
