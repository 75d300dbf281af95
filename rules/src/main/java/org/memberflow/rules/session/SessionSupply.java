package org.memberflow.rules.session;

import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.runtime.rule.FactHandle;

/** Where a unit of work takes its session, and gives it back when done. Thread-safe. */
interface SessionSupply {

    /** A session with no facts, its recorder holding nothing yet. */
    RecordingSession take();

    /**
     * Gives back a session taken from here, any listener the unit added removed. {@code inserted}:
     * the facts the unit inserted; {@code clean}: the unit ran to its end (it did not throw, nor
     * stop at the firing limit).
     */
    void giveBack(RecordingSession session, List<FactHandle> inserted, boolean clean);

    /** Kept sessions where {@link SessionReuse} finds the rule set allows them, else reset ones. */
    static SessionSupply over(KieBase kieBase, boolean reuse) {
        return reuse ? new KeptSessions(kieBase) : new ResetSessions(kieBase);
    }
}
