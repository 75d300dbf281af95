package org.memberflow.bench.pipeline;

import java.util.Map;

/**
 * Events per second and CPU seconds per 1,000 events of one measured stage, with the CPU seconds
 * of each group of threads (empty where /proc is not there).
 */
public record Throughput(String stage, long events, double seconds, double cpuSeconds, Map<String, Double> cpuByGroup) {
    public double eventsPerSecond() {
        return seconds <= 0 ? 0 : events / seconds;
    }

    public double cpuSecondsPer1000() {
        return events == 0 ? 0 : cpuSeconds * 1000 / events;
    }
}
