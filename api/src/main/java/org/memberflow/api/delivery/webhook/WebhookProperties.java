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
 * @param lease          how long a server holds the deliveries it took (longer than a request can take)
 * @param requestTimeout how long a receiver may take to answer
 */
@ConfigurationProperties("memberflow.webhooks")
public record WebhookProperties(Duration pollInterval, int batch, int senders, int maxAttempts, Duration firstBackoff,
        Duration maxBackoff, Duration lease, Duration requestTimeout) {

    /** The wait after the {@code failures}-th failure: firstBackoff doubled each time, capped, ±20% jitter. */
    Duration backoffAfter(int failures, double random) {
        long first = firstBackoff.toMillis();
        long doubled = failures >= 31 ? Long.MAX_VALUE : first << Math.max(0, failures - 1);
        long capped = doubled < 0 || doubled > maxBackoff.toMillis() ? maxBackoff.toMillis() : doubled;
        return Duration.ofMillis((long) (capped * (0.8 + 0.4 * random)));
    }
}
