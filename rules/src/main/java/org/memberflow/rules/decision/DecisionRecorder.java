package org.memberflow.rules.decision;

import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.memberflow.segments.RfmClass;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * Owns the {@link Decisions} of one session and tells it which rule is firing, so that marketers
 * never pass the rule name themselves. One recorder per unit of work.
 */
public final class DecisionRecorder extends DefaultAgendaEventListener {
    private final Decisions decisions = new Decisions();

    public Decisions decisions() {
        return decisions;
    }

    /** The rule whose consequence runs (or ran last): the one to blame when a consequence throws. */
    public String firing() {
        return decisions.currentRule();
    }

    /** The class a rule gave in this session, or null. */
    public RfmClass classification() {
        return decisions.classification();
    }

    /** Fixes the member's class for this session: a rule classing otherwise fails. */
    public void fixClassification(RfmClass rfmClass) {
        decisions.fixClassification(rfmClass);
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        decisions.enterRule(event.getMatch().getRule().getName());
    }
}
