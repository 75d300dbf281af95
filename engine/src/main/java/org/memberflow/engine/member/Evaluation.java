package org.memberflow.engine.member;

import java.util.List;
import org.memberflow.engine.action.CampaignAction;
import org.memberflow.engine.segment.MemberSnapshot;
import org.memberflow.engine.segment.SegmentChange;

/**
 * What evaluating one member produced: new actions (never one already taken for its campaign
 * and period), a segment change when the class moved, and the snapshot for the read model.
 */
public record Evaluation(List<CampaignAction> actions, SegmentChange segmentChange, MemberSnapshot snapshot,
        int firings) {
}
