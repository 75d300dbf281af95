package org.memberflow.engine.topology;

import org.memberflow.engine.action.CampaignAction;
import org.memberflow.engine.segment.MemberSnapshot;
import org.memberflow.engine.segment.SegmentChange;

/** What the member processor sends on, one case per output topic. */
sealed interface Routed {
    record Action(CampaignAction action) implements Routed {
    }

    record SegmentMove(SegmentChange change) implements Routed {
    }

    record Snapshot(MemberSnapshot snapshot) implements Routed {
    }

    record DeadLetter(byte[] payload) implements Routed {
    }
}
