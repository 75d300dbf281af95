package org.memberflow.api.engine;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.streams.KafkaStreams;
import org.memberflow.engine.Engine;
import org.memberflow.engine.ruleset.RuleSetActivator;
import org.memberflow.engine.ruleset.RuleSetFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the engine once the context (and its topics) is ready, after reading {@code rule-sets}
 * to its end, so that the first event already meets the rule set published last; stops it first
 * on shutdown. When the version published last does not compile on this server (a release whose
 * vocabulary changed), the engine does not start with another: events wait in Kafka, health says
 * why, and the engine starts as soon as a version that compiles is activated.
 */
final class EngineLifecycle implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(EngineLifecycle.class);
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(120);
    private final RuleSetFeed ruleSets;
    private final RuleSetActivator activator;
    private final Engine engine;
    private volatile boolean running;
    private volatile boolean engineStarted;

    EngineLifecycle(RuleSetFeed ruleSets, RuleSetActivator activator, Engine engine) {
        this.ruleSets = ruleSets;
        this.activator = activator;
        this.engine = engine;
    }

    @Override
    public void start() {
        try {
            ruleSets.catchUp(CATCH_UP_LIMIT);
        } catch (TimeoutException | RuntimeException e) {
            ruleSets.close();
            throw new IllegalStateException("cannot start the engine: rule-sets not read: " + e.getMessage(), e);
        }
        if (activator.status().stale()) {
            log.error("the engine waits: rule set {} does not compile here, and no other runs in its place; activate"
                    + " one that compiles (see /actuator/health)", activator.status().published());
            activator.onActivated(this::startEngine);
        } else {
            startEngine();
        }
        ruleSets.follow();
        running = true;
    }

    private synchronized void startEngine() {
        if (!engineStarted) {
            engine.start();
            engineStarted = true;
        }
    }

    @Override
    public void stop() {
        // The feed first: a compile finishing meanwhile must not start an engine being stopped.
        ruleSets.close();
        engine.close();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    KafkaStreams.State state() {
        return engine.state();
    }

    /** True while the engine waits for a rule set that compiles. */
    boolean waitingForRules() {
        return running && !engineStarted;
    }
}
