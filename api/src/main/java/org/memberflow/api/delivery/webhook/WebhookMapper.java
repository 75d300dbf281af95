package org.memberflow.api.delivery.webhook;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** MyBatis mapper of webhooks and their deliveries; SQL in resources/mapper/WebhookMapper.xml. */
@Mapper
public interface WebhookMapper {
    /** Queues these delivered actions for every active webhook that wants their campaign. */
    int enqueueFor(@Param("actionIds") List<String> actionIds, @Param("now") Instant now);

    void insert(@Param("w") WebhookRow webhook);

    List<Webhook> findAll();

    Webhook findById(@Param("webhookId") long webhookId);

    int setActive(@Param("webhookId") long webhookId, @Param("active") boolean active);

    /** Due deliveries, locked; rows another server holds are skipped. */
    List<Long> lockDue(@Param("now") Instant now, @Param("limit") int limit);

    /** Holds deliveries until {@code until} under {@code claim}: if this server dies sending, another takes them then. */
    void lease(@Param("ids") List<Long> deliveryIds, @Param("until") Instant until, @Param("claim") String claim);

    List<DueDelivery> findDue(@Param("ids") List<Long> deliveryIds);

    /** Records a 2xx answer; returns 0 when the claim is no longer this one's (the row is left alone). */
    int markDelivered(@Param("deliveryId") long deliveryId, @Param("claim") String claim, @Param("attempts") int attempts,
            @Param("lastStatus") int lastStatus, @Param("now") Instant now);

    int markFailed(@Param("deliveryId") long deliveryId, @Param("claim") String claim, @Param("attempts") int attempts,
            @Param("status") String status, @Param("nextAttemptAt") Instant nextAttemptAt,
            @Param("lastStatus") Integer lastStatus, @Param("lastError") String lastError);

    /** Of these deliveries, those whose webhook was removed become CANCELLED. */
    int cancelOfInactiveWebhooks(@Param("ids") List<Long> deliveryIds);

    /** The webhook's pending deliveries become CANCELLED: it was removed. */
    int cancelPending(@Param("webhookId") long webhookId);

    List<WebhookDelivery> findDeliveries(@Param("status") String status, @Param("webhookId") Long webhookId,
            @Param("offset") long offset, @Param("limit") int limit);

    long countDeliveries(@Param("status") String status, @Param("webhookId") Long webhookId);

    WebhookDelivery findDelivery(@Param("deliveryId") long deliveryId);

    /** A DEAD delivery of an active webhook goes again now, its attempts counted afresh; returns rows changed. */
    int retry(@Param("deliveryId") long deliveryId, @Param("now") Instant now);

    /** A mutable row for the insert, so that MyBatis can set the generated id. */
    final class WebhookRow {
        public Long webhookId;
        public String url;
        public String secret;
        public String campaignId;
    }
}
