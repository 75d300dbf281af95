package org.memberflow.api.delivery;

import org.memberflow.engine.action.CampaignAction;

/** A decision read from {@code campaign-decisions}, with the position it was read at. */
record SourcedDecision(CampaignAction action, int partition, long offset) {
}
