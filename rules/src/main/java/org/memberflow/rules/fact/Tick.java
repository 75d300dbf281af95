package org.memberflow.rules.fact;

import java.time.LocalDate;

/**
 * Present when the rules run in a scheduled sweep (定时任务) instead of for an event: the job that
 * woke the engine ({@code birthday}, {@code points-expiry}, {@code inactivity}, {@code rfm}) and
 * the date it is for.
 */
public final class Tick {
    private final String job;
    private final LocalDate date;

    public Tick(String job, LocalDate date) {
        this.job = job;
        this.date = date;
    }

    public String getJob() {
        return job;
    }

    public LocalDate getDate() {
        return date;
    }
}
