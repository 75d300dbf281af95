package org.memberflow.api.delivery.webhook;

import java.time.Instant;

/** An endpoint that receives delivered actions: of one campaign, or of all when campaignId is null. */
public record Webhook(Long webhookId, String url, String secret, String campaignId, boolean active, Instant createdAt) {
}
