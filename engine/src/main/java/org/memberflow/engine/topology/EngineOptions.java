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
 */
public record EngineOptions(ClockMode clockMode, int windowDays, Duration sweepInterval,
        int sweepChunk, Duration sweepBudget, Breakpoints defaultBreakpoints) {

    public static EngineOptions defaults() {
        // Slices of at most 40 ms, with events processed between them: an idle stream thread
        // sweeps nearly all the time, a busy one keeps its events within 40 ms per task.
        return new EngineOptions(ClockMode.WALL, 365, Duration.ofMillis(10), 10_000,
                Duration.ofMillis(40), Breakpoints.defaults());
    }

    public EngineOptions withClockMode(ClockMode mode) {
        return new EngineOptions(mode, windowDays, sweepInterval, sweepChunk, sweepBudget,
                defaultBreakpoints);
    }

    public EngineOptions withSweepChunk(int chunk) {
        return new EngineOptions(clockMode, windowDays, sweepInterval, chunk, sweepBudget,
                defaultBreakpoints);
    }
}
