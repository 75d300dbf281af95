package org.memberflow.api.ruleset;

import org.memberflow.rules.session.BuiltInRuleSet;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Seeds the catalogue with the built-in campaigns on a clean start and republishes the active
 * version; runs once, after the topics exist and before the engine starts (a lower phase).
 */
@Component
class RuleSetSeeder implements SmartLifecycle {
    /** Before the engine (default phase) and before the web server takes requests. */
    static final int PHASE = 0;
    private final RuleSetCatalog catalog;
    private volatile boolean running;

    RuleSetSeeder(RuleSetCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void start() {
        catalog.seed(BuiltInRuleSet.NAME, BuiltInRuleSet.files());
        catalog.republishActive();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
