package org.memberflow.api.delivery.webhook;

/**
 * A delivery the dispatcher holds: where it goes, its secret, the action it carries, its attempts
 * so far, and the claim under which its result is recorded.
 */
record DueDelivery(long deliveryId, int attempts, String url, String secret, String actionId, String claim) {
}
