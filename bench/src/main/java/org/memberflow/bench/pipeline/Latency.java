package org.memberflow.bench.pipeline;

/** Event → action latency percentiles in milliseconds, at an offered load. */
public record Latency(int offeredPerSecond, int sent, int received, double p50, double p99, double max) {
}
