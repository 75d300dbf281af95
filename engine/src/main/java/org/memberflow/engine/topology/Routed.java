package org.memberflow.engine.topology;

import org.memberflow.engine.action.CampaignAction;

/** What the event processor sends on: an action, or the input record as a dead letter. */
sealed interface Routed {
    record Action(CampaignAction action) implements Routed {
    }

    record DeadLetter(byte[] payload) implements Routed {
    }
}
