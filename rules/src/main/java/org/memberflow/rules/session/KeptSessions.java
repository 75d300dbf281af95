package org.memberflow.rules.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.EntryPoint;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Sessions kept from unit to unit, for rule sets {@link SessionReuse} allows: giving one back
 * deletes its facts and lets the network take the deletions in, so that the next unit starts on
 * an empty session whose node memories already exist. Resetting a pooled session instead walks
 * every node memory and rebuilds the fact stores by class on the next insert (JFR of the daily
 * sweep: 24% of the stream threads). A session that failed, or did not come back empty, is
 * disposed instead.
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
    public void giveBack(KieSession session, boolean clean) {
        if (clean && emptied(session)) {
            idle.offer(session);
        } else {
            session.dispose();
        }
    }

    /**
     * Deletes every fact (the unit's, and any a consequence inserted) and fires once: every rule
     * holds a fact, so nothing can match and this only settles the deletions. Anything firing
     * means the session is not as a fresh one would be.
     */
    private static boolean emptied(KieSession session) {
        try {
            for (EntryPoint entryPoint : session.getEntryPoints()) {
                List<FactHandle> handles = new ArrayList<>(entryPoint.getFactHandles());
                handles.forEach(entryPoint::delete);
            }
            return session.fireAllRules(1) == 0 && session.getFactCount() == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
