package org.memberflow.rules.decision;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.memberflow.segments.RfmClass;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * Owns the {@link Decisions} of one session and tells it which rule is firing, so that marketers
 * never pass the rule name themselves. A recorder serves one session, one unit of work at a time:
 * {@link #reset} between units.
 */
public final class DecisionRecorder extends DefaultAgendaEventListener {
    private final Decisions decisions = new Decisions();
    private List<String> fired = new ArrayList<>();

    /** Forgets the last unit's decisions and firings (a list already handed out stays as it was). */
    public void reset() {
        decisions.clear();
        fired = new ArrayList<>();
    }

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

    /** The rules whose consequences ran, in order, a name each time (for the firings metric). */
    public List<String> fired() {
        return fired;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        String rule = event.getMatch().getRule().getName();
        fired.add(rule);
        decisions.enterRule(rule);
    }
}
