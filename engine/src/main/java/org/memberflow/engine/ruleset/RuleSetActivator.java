package org.memberflow.engine.ruleset;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.memberflow.rules.session.ActiveRules;
import org.memberflow.rules.session.CompileError;
import org.memberflow.rules.session.RuleRunner;
import org.memberflow.rules.session.RuleSetCompiler;
import org.memberflow.rules.session.RuleSetRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles a published rule set and makes it the active one of this instance. A version that
 * does not compile here (the server checked it before publishing, but this instance may run other
 * code) leaves the running version in place, and {@link #status()} says so until a later version
 * compiles.
 */
public final class RuleSetActivator {
    private static final Logger log = LoggerFactory.getLogger(RuleSetActivator.class);
    private final ActiveRules rules;
    private final RuleSetCompiler compiler = new RuleSetCompiler();
    private final int maxFirings;
    private final Clock clock;
    private volatile Status status;
    private volatile String runningChecksum;
    private volatile Runnable onActivated = () -> { };

    /** @param runningChecksum checksum of the files of the set {@code rules} runs at first */
    public RuleSetActivator(ActiveRules rules, String runningChecksum, int maxFirings, Clock clock) {
        this.rules = rules;
        this.runningChecksum = runningChecksum;
        this.maxFirings = maxFirings;
        this.clock = clock;
        this.status = new Status(rules.version(), rules.version(), List.of(), 0, null);
    }

    /** Runs {@code record} from the next unit of work on, or records why it cannot. */
    public void apply(RuleSetRecord record) {
        String label = record.label();
        // The same version with the same files (a republication) is not compiled again; the same
        // label with other files (the built-in set of a newer release) is.
        if (label.equals(rules.version()) && record.checksum().equals(runningChecksum)) {
            status = new Status(label, label, List.of(), status.failures(), status.changedAt());
            return;
        }
        try {
            long started = System.nanoTime();
            RuleRunner runner = new RuleRunner(compiler.compile(record.name(), Integer.toString(record.version()),
                    record.ruleFiles()), maxFirings);
            rules.activate(runner);
            runningChecksum = record.checksum();
            status = new Status(label, label, List.of(), status.failures(), clock.instant());
            log.info("rule set {} active ({} files, compiled in {} ms)", label, record.files().size(),
                    (System.nanoTime() - started) / 1_000_000);
            if (!runner.reuseBlockers().isEmpty()) {
                log.info("rule set {} runs on sessions reset after each member (slower; rules/README.md, \"Speed\"): {}",
                        label, String.join("; ", runner.reuseBlockers()));
            }
            onActivated.run();
        } catch (RuleSetRejectedException e) {
            refuse(label, e.errors().stream().map(CompileError::toString).toList());
        } catch (RuntimeException e) {
            refuse(label, List.of(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    /** A record of rule-sets that could not even be read. */
    public void refuseUnreadable(String reason) {
        refuse("(unreadable record)", List.of(reason));
    }

    /** Runs {@code action} after each version this activator makes active. */
    public void onActivated(Runnable action) {
        this.onActivated = action;
    }

    public Status status() {
        return status;
    }

    private void refuse(String label, List<String> errors) {
        status = new Status(rules.version(), label, errors, status.failures() + 1, clock.instant());
        log.error("rule set {} published but not activated on this instance; {} stays active:\n{}", label,
                rules.version(), String.join("\n", errors));
    }

    /**
     * Where this instance stands.
     *
     * @param active    {@code name:version} running now
     * @param published the last version published on rule-sets (equal to active unless it failed)
     * @param errors    why {@code published} is not active; empty when it is
     * @param failures  how many published versions failed here since start
     */
    public record Status(String active, String published, List<String> errors, long failures, Instant changedAt) {
        public Status {
            errors = List.copyOf(errors);
        }

        /** True while the instance runs an older version than the one published. */
        public boolean stale() {
            return !active.equals(published);
        }
    }
}
