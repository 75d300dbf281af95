package org.memberflow.api.delivery.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code memberflow.webhooks.*} in application.yml.
 *
 * @param pollInterval   how often each server looks for due deliveries
 * @param batch          deliveries taken per look
 * @param senders        requests in flight at once per server
 * @param maxAttempts    failures before a delivery is DEAD
 * @param firstBackoff   wait after the first failure; doubled after each, up to maxBackoff
 * @param maxBackoff     the longest wait between two attempts
 * @param lease          how long a server holds the deliveries it took, at least (see {@link #leaseFor})
 * @param requestTimeout how long a receiver may take to answer
 */
@ConfigurationProperties("memberflow.webhooks")
public record WebhookProperties(Duration pollInterval, int batch, int senders, int maxAttempts, Duration firstBackoff,
        Duration maxBackoff, Duration lease, Duration requestTimeout) {

    public WebhookProperties {
        if (batch < 1 || senders < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("memberflow.webhooks: batch, senders and max-attempts must be 1 or more");
        }
        if (pollInterval.isNegative() || pollInterval.isZero() || firstBackoff.isNegative()
                || maxBackoff.compareTo(firstBackoff) < 0 || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("memberflow.webhooks: poll-interval and request-timeout must be positive,"
                    + " first-backoff at least 0 and max-backoff at least first-backoff");
        }
    }

    /**
     * How long a look holds its batch: the lease, or longer when the batch's sends, {@code senders}
     * at a time, could take more (each at most the request timeout).
     */
    Duration leaseFor() {
        int rounds = (batch + senders - 1) / senders;
        Duration needed = requestTimeout.multipliedBy(rounds + 1L);
        return needed.compareTo(lease) > 0 ? needed : lease;
    }

    /** The wait after the {@code failures}-th failure: firstBackoff doubled each time, capped, ±20% jitter. */
    Duration backoffAfter(int failures, double random) {
        long first = firstBackoff.toMillis();
        long doubled = failures >= 31 ? Long.MAX_VALUE : first << Math.max(0, failures - 1);
        long capped = doubled < 0 || doubled > maxBackoff.toMillis() ? maxBackoff.toMillis() : doubled;
        return Duration.ofMillis((long) (capped * (0.8 + 0.4 * random)));
    }
}
