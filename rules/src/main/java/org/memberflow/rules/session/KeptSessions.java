package org.memberflow.rules.session;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Sessions kept from unit to unit, for rule sets {@link SessionReuse} allows: giving one back
 * deletes the unit's facts and lets the network take the deletions in, so that the next unit
 * starts on an empty session whose node memories already exist. Resetting a pooled session
 * instead walks every node memory and rebuilds the fact stores by class on the next insert (JFR
 * of the daily sweep: 24% of the stream threads). A session that failed, or is not empty once
 * the unit's facts are gone, is disposed instead.
 */
final class KeptSessions implements SessionSupply {
    private final KieBase kieBase;
    private final ConcurrentLinkedQueue<KieSession> idle = new ConcurrentLinkedQueue<>();

    KeptSessions(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    @Override
    public KieSession take() {
        KieSession session = idle.poll();
        return session != null ? session : kieBase.newKieSession();
    }

    @Override
    public void giveBack(KieSession session, List<FactHandle> inserted, boolean clean) {
        if (clean && emptied(session, inserted)) {
            idle.offer(session);
        } else {
            session.dispose();
        }
    }

    /**
     * Deletes the unit's facts and fires once: every rule holds a fact, so nothing can match and
     * this only settles the deletions. A fact left (rules cannot insert any, and no rule set here
     * reads another entry point) or a rule firing means the session is not as a new one would be.
     */
    private static boolean emptied(KieSession session, List<FactHandle> inserted) {
        try {
            inserted.forEach(session::delete);
            return session.getFactCount() == 0 && session.fireAllRules(1) == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
