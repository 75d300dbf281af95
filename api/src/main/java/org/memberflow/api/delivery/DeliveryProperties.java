package org.memberflow.api.delivery;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code memberflow.delivery.*} in application.yml.
 *
 * @param memberDailyCap      at most this many actions that reach a member (coupons, messages,
 *                            points) per member per local day, over all campaigns; 0 for none
 * @param defaultTimeZone     the zone of members whose profile has none
 * @param concurrency         consumer threads settling campaign-decisions on this server
 * @param transactionIdPrefix prefix of the transactional ids of this server's delivery producers;
 *                            unique per server (a random suffix is added at start)
 */
@ConfigurationProperties("memberflow.delivery")
public record DeliveryProperties(int memberDailyCap, ZoneId defaultTimeZone, int concurrency, String transactionIdPrefix) {
    public DeliveryProperties {
        if (memberDailyCap < 0 || concurrency < 1) {
            throw new IllegalArgumentException("memberflow.delivery: member-daily-cap must be 0 or more, concurrency 1 or more");
        }
    }
}
