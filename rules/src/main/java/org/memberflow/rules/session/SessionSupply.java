package org.memberflow.rules.session;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/** Where a unit of work takes its session, and gives it back when done. Thread-safe. */
interface SessionSupply {

    KieSession take();

    /**
     * Gives back a session taken from here, its listeners removed. {@code clean}: the unit ran to
     * its end (it did not throw, nor stop at the firing limit).
     */
    void giveBack(KieSession session, boolean clean);

    /** Kept sessions where {@link SessionReuse} finds the rule set allows them, else reset ones. */
    static SessionSupply over(KieBase kieBase, boolean reuse) {
        return reuse ? new KeptSessions(kieBase) : new ResetSessions(kieBase);
    }
}
