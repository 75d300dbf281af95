package org.memberflow.bench.pipeline;

/**
 * Event → action latency percentiles in milliseconds, at an offered load, and the rate at which
 * the actions came back (from the first to the last seen): the engine's capacity for this mix
 * when it is below the offered load.
 */
public record Latency(int offeredPerSecond, int sent, int received, double p50, double p99, double max,
        double drainedPerSecond) {
}
