package org.memberflow.rules.session;

import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Sessions from a {@link KieSessionsPool}: giving one back disposes it, which resets it (facts,
 * agenda, globals, listeners, every node memory) for the next unit, so each take binds a new
 * recorder. Right for any rule set.
 */
final class ResetSessions implements SessionSupply {
    private final KieSessionsPool pool;

    ResetSessions(KieBase kieBase) {
        this.pool = kieBase.newKieSessionsPool(2); // grows to the sessions in use at once
    }

    @Override
    public RecordingSession take() {
        return RecordingSession.bind(pool.newKieSession());
    }

    @Override
    public void giveBack(RecordingSession session, List<FactHandle> inserted, boolean clean) {
        session.session().dispose();
    }
}
