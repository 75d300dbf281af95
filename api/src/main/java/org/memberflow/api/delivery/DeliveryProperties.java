package org.memberflow.api.delivery;

import java.time.ZoneId;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code memberflow.delivery.*} in application.yml.
 *
 * @param memberDailyCap      at most this many actions that reach a member (coupons, messages,
 *                            points) per member per local day, over all campaigns; 0 for none
 * @param defaultTimeZone     the zone of members whose profile has none
 * @param concurrency         consumer threads settling campaign-decisions on this server
 * @param transactionIdPrefix prefix of the transactional ids of this server's delivery producers
 * @param instanceId          this server's name among its cluster, stable across its restarts
 *                            (MEMBERFLOW_INSTANCE_ID): a restarted server then fences the Kafka
 *                            transaction its predecessor left open at once, instead of readers of
 *                            campaign-actions waiting for that transaction to time out. Blank: a
 *                            random one per start. Two live servers must never share one.
 */
@ConfigurationProperties("memberflow.delivery")
public record DeliveryProperties(int memberDailyCap, ZoneId defaultTimeZone, int concurrency, String transactionIdPrefix,
        String instanceId) {
    public DeliveryProperties {
        if (memberDailyCap < 0 || concurrency < 1) {
            throw new IllegalArgumentException("memberflow.delivery: member-daily-cap must be 0 or more, concurrency 1 or more");
        }
        // Unnamed: a name of its own for this start, the same for every producer of this server.
        instanceId = instanceId == null || instanceId.isBlank() ? UUID.randomUUID().toString() : instanceId;
    }

    /** The transactional-id prefix of this server: the configured prefix and this instance's name. */
    String transactionIds() {
        return transactionIdPrefix + instanceId + "-";
    }
}
