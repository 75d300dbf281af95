package org.memberflow.api.engine;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.streams.KafkaStreams;
import org.memberflow.engine.Engine;
import org.memberflow.engine.ruleset.RuleSetFeed;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the engine once the context (and its topics) is ready, after reading {@code rule-sets}
 * to its end, so that the first event already meets the rule set published last; stops it first
 * on shutdown.
 */
final class EngineLifecycle implements SmartLifecycle {
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(120);
    private final RuleSetFeed ruleSets;
    private final Engine engine;
    private volatile boolean running;

    EngineLifecycle(RuleSetFeed ruleSets, Engine engine) {
        this.ruleSets = ruleSets;
        this.engine = engine;
    }

    @Override
    public void start() {
        try {
            ruleSets.catchUp(CATCH_UP_LIMIT);
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot start the engine: " + e.getMessage(), e);
        }
        engine.start();
        ruleSets.follow();
        running = true;
    }

    @Override
    public void stop() {
        engine.close();
        ruleSets.close();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    KafkaStreams.State state() {
        return engine.state();
    }
}
