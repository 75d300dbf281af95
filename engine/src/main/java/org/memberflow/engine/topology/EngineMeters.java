package org.memberflow.engine.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.memberflow.engine.event.InvalidEventException;

/**
 * What the engine counts: events by outcome, dead letters by cause, rule firings per rule and
 * members swept per job. Counted as processed, so a transaction that aborts and is processed
 * again counts twice: operations figures, not the books (the action log is those).
 */
public final class EngineMeters {
    /** Rule names become tags; past this many, further names share one series. */
    static final int MAX_RULES = 2_000;
    static final String OTHER_RULES = "(other rules)";

    private final MeterRegistry registry;
    private final Counter processed;
    private final Counter duplicates;
    private final Counter deadLettered;
    private final Counter invalid;
    private final Counter ruleFailed;
    private final Map<String, Counter> firings = new ConcurrentHashMap<>();
    private final Map<String, Counter> swept = new ConcurrentHashMap<>();

    public EngineMeters(MeterRegistry registry) {
        this.registry = registry;
        this.processed = events("processed");
        this.duplicates = events("duplicate");
        this.deadLettered = events("dead-lettered");
        this.invalid = deadLetters("invalid-event");
        this.ruleFailed = deadLetters("rule-failed");
    }

    /** Counts nothing: for the topology tests and the benchmarks. */
    public static EngineMeters none() {
        return new EngineMeters(new CompositeMeterRegistry());
    }

    void processed() {
        processed.increment();
    }

    void duplicate() {
        duplicates.increment();
    }

    void deadLettered(Class<?> cause) {
        deadLettered.increment();
        (cause == InvalidEventException.class ? invalid : ruleFailed).increment();
    }

    void fired(List<String> rules) {
        for (String rule : rules) {
            Counter counter = firings.get(rule);
            if (counter == null) {
                counter = firings.computeIfAbsent(firings.size() < MAX_RULES ? rule : OTHER_RULES, this::firingCounter);
            }
            counter.increment();
        }
    }

    void swept(String job, int members) {
        if (members > 0) {
            swept.computeIfAbsent(job, j -> Counter.builder("memberflow.engine.sweep.members")
                    .description("Members evaluated by sweeps (time-based campaigns), by job")
                    .tag("job", j).register(registry)).increment(members);
        }
    }

    private Counter firingCounter(String rule) {
        return Counter.builder("memberflow.engine.rule.firings")
                .description("Rule consequences run, per rule, for events and sweeps")
                .tag("rule", rule).register(registry);
    }

    private Counter events(String outcome) {
        return Counter.builder("memberflow.engine.events")
                .description("Records read from member-events: processed, dropped as duplicates, or dead-lettered")
                .tag("outcome", outcome).register(registry);
    }

    private Counter deadLetters(String cause) {
        return Counter.builder("memberflow.engine.dead.letters")
                .description("Records sent to member-events-dlq, by cause")
                .tag("cause", cause).register(registry);
    }
}
