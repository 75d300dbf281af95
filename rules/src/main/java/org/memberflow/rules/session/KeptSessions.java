package org.memberflow.rules.session;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Sessions kept from unit to unit, for rule sets {@link SessionReuse} allows: giving one back
 * deletes the unit's facts, so that the next unit starts on an empty session whose node memories
 * already exist, with its recorder still bound. Resetting a pooled session instead walks every
 * node memory and rebuilds the fact stores by class on the next insert (JFR of the daily sweep:
 * 24% of the stream threads). A session that failed, or is not empty once the unit's facts are
 * gone, is disposed instead.
 */
final class KeptSessions implements SessionSupply {
    private final KieBase kieBase;
    private final ConcurrentLinkedQueue<RecordingSession> idle = new ConcurrentLinkedQueue<>();

    KeptSessions(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    @Override
    public RecordingSession take() {
        RecordingSession kept = idle.poll();
        if (kept == null) {
            return RecordingSession.bind(kieBase.newKieSession());
        }
        kept.recorder().reset();
        return kept;
    }

    @Override
    public void giveBack(RecordingSession session, List<FactHandle> inserted, boolean clean) {
        if (clean && emptied(session.session(), inserted)) {
            idle.offer(session);
        } else {
            session.session().dispose();
        }
    }

    /**
     * Deletes the unit's facts. The network takes the deletions in when the next unit fires, with
     * its own facts: every rule holds a fact, so no rule can match what is left, and firing here
     * only to settle them cost a quarter of giving a session back (JFR of the daily sweep). A fact
     * left (rules cannot insert any, and no rule set here reads another entry point) means the
     * session is not as a new one would be.
     */
    private static boolean emptied(KieSession session, List<FactHandle> inserted) {
        try {
            inserted.forEach(session::delete);
            return session.getFactCount() == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
