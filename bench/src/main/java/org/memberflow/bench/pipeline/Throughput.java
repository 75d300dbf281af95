package org.memberflow.bench.pipeline;

import java.util.Map;

/**
 * Events per second and CPU seconds per 1,000 events of one measured stage, with the CPU seconds
 * of each group of threads (empty where /proc is not there) and how much the rate moved while it
 * was measured ({@link org.memberflow.bench.report.Noise}; NaN where it was not sliced).
 */
public record Throughput(String stage, long events, double seconds, double cpuSeconds, Map<String, Double> cpuByGroup,
        double noise) {

    public Throughput(String stage, long events, double seconds, double cpuSeconds, Map<String, Double> cpuByGroup) {
        this(stage, events, seconds, cpuSeconds, cpuByGroup, Double.NaN);
    }

    public double eventsPerSecond() {
        return seconds <= 0 ? 0 : events / seconds;
    }

    public double cpuSecondsPer1000() {
        return events == 0 ? 0 : cpuSeconds * 1000 / events;
    }
}
