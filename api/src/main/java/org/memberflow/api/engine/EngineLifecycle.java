package org.memberflow.api.engine;

import org.apache.kafka.streams.KafkaStreams;
import org.memberflow.engine.Engine;
import org.springframework.context.SmartLifecycle;

/** Starts the engine once the context (and its topics) is ready; stops it first on shutdown. */
final class EngineLifecycle implements SmartLifecycle {
    private final Engine engine;
    private volatile boolean running;

    EngineLifecycle(Engine engine) {
        this.engine = engine;
    }

    @Override
    public void start() {
        engine.start();
        running = true;
    }

    @Override
    public void stop() {
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
}
