package org.memberflow.api.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and kills server processes that a crashed MemberFlow left behind. A process is ours
 * when its command line names our data directory (every embedded server gets it as an argument);
 * the caller holds the data directory's lock, so no live MemberFlow owns them any more.
 */
final class StaleProcesses {
    private static final Logger log = LoggerFactory.getLogger(StaleProcesses.class);

    private StaleProcesses() {
    }

    static int killOwnedBy(Path dataDir) {
        String marker = dataDir.toString();
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> stale = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .filter(p -> commandLine(p).map(c -> c.contains(marker)).orElse(false))
                .toList();
        for (ProcessHandle p : stale) {
            log.warn("stopping stale process {} left by an earlier run: {}", p.pid(), commandLine(p).orElse("?"));
            p.destroyForcibly();
        }
        for (ProcessHandle p : stale) {
            p.onExit().orTimeout(Duration.ofSeconds(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    .exceptionally(e -> p).join();
        }
        return stale.size();
    }

    private static Optional<String> commandLine(ProcessHandle p) {
        return p.info().commandLine();
    }
}
