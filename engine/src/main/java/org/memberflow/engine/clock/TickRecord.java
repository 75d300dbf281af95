package org.memberflow.engine.clock;

import java.time.LocalDate;

/**
 * The contract of {@code engine-clock}: wake the engine for {@code job} on {@code date}. One record
 * per partition (co-partitioned with member-events); the same tick twice is done once.
 */
public record TickRecord(String job, LocalDate date) {
    public String sweepKey() {
        return job + "|" + date;
    }
}
