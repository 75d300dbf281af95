package org.memberflow.api.importer;

import java.time.Duration;

/**
 * How often and how patiently a batch is sent again after a failure that may pass (the server
 * down or restarting, 5xx, 429): {@code attempts} in all, waiting {@code firstDelay} and then
 * twice as long each time up to {@code maxDelay}, or what the server's {@code Retry-After} says.
 */
record RetryPolicy(int attempts, Duration firstDelay, Duration maxDelay) {
    /** 8 attempts over about a minute and a half: a server restart fits in it. */
    static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofSeconds(1), Duration.ofSeconds(30));

    /** The wait before attempt {@code attempt + 1} (the first retry follows attempt 1). */
    Duration delayAfter(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(maxDelay) > 0 ? maxDelay : retryAfter;
        }
        Duration delay = firstDelay.multipliedBy(1L << Math.min(attempt - 1, 20));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
