package org.memberflow.api.delivery;

import java.time.Instant;
import org.memberflow.api.action.Outcome;

/** The guardrails' answer for one decision: its outcome, and for a delivery its earliest time. */
record Verdict(Outcome outcome, Instant notBefore) {
    static Verdict of(Outcome outcome) {
        return new Verdict(outcome, null);
    }
}
