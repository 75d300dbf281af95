package org.memberflow.api.delivery.webhook;

import java.time.Instant;

/**
 * One action for one webhook: PENDING until the endpoint answers 2xx (DELIVERED), or until it
 * failed max-attempts times (DEAD, retried only through the API).
 */
public record WebhookDelivery(long deliveryId, String actionId, long webhookId, String campaignId, String memberId,
        String status, int attempts, Instant nextAttemptAt, Integer lastStatus, String lastError, Instant deliveredAt,
        Instant createdAt) {
}
