package org.memberflow.bench.pipeline;

import java.lang.management.ManagementFactory;

/**
 * Wall time and process CPU time between two points. CPU is the whole JVM's (the broker runs in
 * it too), so compare CPU between rungs of the same run, not with other machines.
 */
public final class Measurement {
    private final long startNanos;
    private final long startCpu;

    private Measurement(long startNanos, long startCpu) {
        this.startNanos = startNanos;
        this.startCpu = startCpu;
    }

    public static Measurement start() {
        return new Measurement(System.nanoTime(), cpuNanos());
    }

    public double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    public double cpuSeconds() {
        return (cpuNanos() - startCpu) / 1e9;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
