package org.memberflow.bench.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.memberflow.api.engine.EngineProperties;
import org.memberflow.engine.Engine;
import org.memberflow.engine.EngineSettings;
import org.memberflow.rules.session.ActiveRules;
import org.springframework.util.FileSystemUtils;

/**
 * A second engine beside the server's, under an application id of its own and on empty state:
 * it reads {@code member-events} from offset 0 and decides everything again, into the same
 * output topics, as an operator replaying history would.
 */
final class ReplayEngine implements AutoCloseable {
    private final String applicationId;
    private final Path stateDir;
    private final Engine engine;

    ReplayEngine(ChaosServer server, String applicationId) {
        this.applicationId = applicationId;
        try {
            this.stateDir = Files.createTempDirectory("memberflow-replay-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        EngineProperties props = server.context().getBean(EngineProperties.class);
        EngineSettings settings = new EngineSettings(server.bootstrapServers(), applicationId, stateDir,
                props.replicationFactor(), 1, Duration.ofMillis(100), Map.of());
        this.engine = new Engine(settings, server.context().getBean(ActiveRules.class), props.options(),
                server.context().getBean(Clock.class));
        engine.start();
    }

    String applicationId() {
        return applicationId;
    }

    Engine engine() {
        return engine;
    }

    @Override
    public void close() {
        engine.close();
        try {
            FileSystemUtils.deleteRecursively(stateDir);
        } catch (IOException e) {
            System.err.println("could not delete " + stateDir + ": " + e.getMessage());
        }
    }
}
