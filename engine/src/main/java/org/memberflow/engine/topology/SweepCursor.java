package org.memberflow.engine.topology;

import java.time.LocalDate;

/**
 * Where a sweep of one task's members stands: the last member key done, so that a crash resumes
 * there (the cursor is committed in the same transaction as the actions it led to). Public so
 * that a sweep's progress can be read from the {@code sweeps} store (interactive queries).
 */
public record SweepCursor(String job, LocalDate date, String lastKey, boolean done, long members) {
    static SweepCursor start(String job, LocalDate date) {
        return new SweepCursor(job, date, null, false, 0);
    }

    SweepCursor advance(String key, long count, boolean finished) {
        return new SweepCursor(job, date, key, finished, members + count);
    }
}
