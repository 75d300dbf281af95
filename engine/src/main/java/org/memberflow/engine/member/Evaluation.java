package org.memberflow.engine.member;

import java.util.List;
import org.memberflow.engine.action.CampaignAction;
import org.memberflow.engine.segment.MemberSnapshot;
import org.memberflow.engine.segment.SegmentChange;

/**
 * What evaluating one member produced: new actions (never one already taken for its campaign
 * and period), a segment change when the class moved, and the snapshot for the read model.
 *
 * @param firedRules      each rule whose consequence ran, once per firing
 * @param snapshotChanged whether the snapshot differs from the last one sent in more than the
 *                        calendar fields (a sweep sends only those)
 * @param stateChanged    whether the evaluation changed the member's state (expiry, actions
 *                        recorded, class, digest), so that it must be written back
 */
public record Evaluation(List<CampaignAction> actions, SegmentChange segmentChange, MemberSnapshot snapshot,
        List<String> firedRules, boolean snapshotChanged, boolean stateChanged) {
}
