package org.memberflow.engine.topology;

import java.time.Duration;
import org.memberflow.engine.clock.ClockMode;
import org.memberflow.segments.Breakpoints;

/**
 * How the topology behaves.
 *
 * @param windowDays         the RFM window (365 by default)
 * @param sweepInterval      how often a running sweep gets a slice of the stream thread
 * @param sweepChunk         members evaluated per slice at most
 * @param sweepBudget        time a slice may take at most (then the stream thread gets on with events)
 * @param defaultBreakpoints used until rfm-breakpoints has a record for the member's brand
 * @param storeKind          where the state stores keep their data (RocksDB in a server)
 */
public record EngineOptions(ClockMode clockMode, int windowDays, Duration sweepInterval,
        int sweepChunk, Duration sweepBudget, Breakpoints defaultBreakpoints, StoreKind storeKind) {

    /** Where the engine's state stores live; either way they restore from their topics. */
    public enum StoreKind {
        /** On disk: what a server uses, so that its state outgrows memory and survives a restart. */
        ROCKSDB,
        /**
         * In the heap: for an offline computation over a history in a {@code TopologyTestDriver},
         * which commits after every record; RocksDB's flush and checkpoint per commit were most of
         * its time.
         */
        IN_MEMORY
    }

    public EngineOptions(ClockMode clockMode, int windowDays, Duration sweepInterval, int sweepChunk,
            Duration sweepBudget, Breakpoints defaultBreakpoints) {
        this(clockMode, windowDays, sweepInterval, sweepChunk, sweepBudget, defaultBreakpoints, StoreKind.ROCKSDB);
    }

    public static EngineOptions defaults() {
        // Slices of at most 40 ms, with events processed between them: an idle stream thread
        // sweeps nearly all the time, a busy one keeps its events within 40 ms per task.
        return new EngineOptions(ClockMode.WALL, 365, Duration.ofMillis(10), 10_000,
                Duration.ofMillis(40), Breakpoints.defaults());
    }

    public EngineOptions withClockMode(ClockMode mode) {
        return new EngineOptions(mode, windowDays, sweepInterval, sweepChunk, sweepBudget,
                defaultBreakpoints, storeKind);
    }

    public EngineOptions withSweepChunk(int chunk) {
        return new EngineOptions(clockMode, windowDays, sweepInterval, chunk, sweepBudget,
                defaultBreakpoints, storeKind);
    }

    public EngineOptions withStoreKind(StoreKind kind) {
        return new EngineOptions(clockMode, windowDays, sweepInterval, sweepChunk, sweepBudget,
                defaultBreakpoints, kind);
    }
}
