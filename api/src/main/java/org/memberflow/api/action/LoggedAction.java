package org.memberflow.api.action;

import org.memberflow.engine.action.CampaignAction;

/**
 * A decision as the action log holds it: the action, the outcome its guardrails gave, and the
 * record of {@code campaign-decisions} that settled it.
 */
public record LoggedAction(CampaignAction action, Outcome outcome, Integer sourcePartition, Long sourceOffset) {
    public boolean delivered() {
        return outcome == Outcome.DELIVERED;
    }

    /** True when this is the record that settled the action (a redelivery of it, not a replay). */
    public boolean settledBy(int partition, long offset) {
        return sourcePartition != null && sourcePartition == partition && sourceOffset != null && sourceOffset == offset;
    }
}
