package org.memberflow.bench.pipeline;

import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * Wall time and process CPU time between two points. CPU is the whole JVM's (the broker runs in
 * it too), so compare CPU between rungs of the same run, not with other machines.
 */
public final class Measurement {
    private final long startNanos;
    private final long startCpu;
    private final Map<String, long[]> startThreads;

    private Measurement(long startNanos, long startCpu, Map<String, long[]> startThreads) {
        this.startNanos = startNanos;
        this.startCpu = startCpu;
        this.startThreads = startThreads;
    }

    public static Measurement start() {
        return new Measurement(System.nanoTime(), cpuNanos(), ThreadCpu.snapshot());
    }

    /** CPU seconds since the start by group of threads (stream threads, broker, JIT, ...). */
    public Map<String, Double> cpuByGroup() {
        return ThreadCpu.byGroup(startThreads, ThreadCpu.snapshot());
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
