package org.memberflow.api.ruleset;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.memberflow.engine.ruleset.RuleSetActivator;
import org.memberflow.rules.session.RuleSetRejectedException;

/** Puts version 1, the built-in set, back in force: what the other tests of the shared server expect. */
final class BuiltInRuleSetRestored {
    private BuiltInRuleSetRestored() {
    }

    static void restore(RuleSetCatalog catalog, RuleSetActivator activator) throws RuleSetRejectedException {
        if (catalog.active().version() != 1) {
            catalog.activate(1, "test", "restore the built-in set");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> activator.status().active().equals("built-in:1"));
    }
}
