package org.memberflow.bench.pipeline;

/** Events per second and CPU seconds per 1,000 events of one measured stage. */
public record Throughput(String stage, long events, double seconds, double cpuSeconds) {
    public double eventsPerSecond() {
        return seconds <= 0 ? 0 : events / seconds;
    }

    public double cpuSecondsPer1000() {
        return events == 0 ? 0 : cpuSeconds * 1000 / events;
    }
}
