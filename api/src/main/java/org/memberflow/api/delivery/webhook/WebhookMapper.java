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

    /** Holds deliveries until {@code until}: if this server dies sending, another one takes them then. */
    void lease(@Param("ids") List<Long> deliveryIds, @Param("until") Instant until);

    List<DueDelivery> findDue(@Param("ids") List<Long> deliveryIds);

    void markDelivered(@Param("deliveryId") long deliveryId, @Param("attempts") int attempts,
            @Param("lastStatus") int lastStatus, @Param("now") Instant now);

    void markFailed(@Param("deliveryId") long deliveryId, @Param("attempts") int attempts, @Param("status") String status,
            @Param("nextAttemptAt") Instant nextAttemptAt, @Param("lastStatus") Integer lastStatus,
            @Param("lastError") String lastError);

    List<WebhookDelivery> findDeliveries(@Param("status") String status, @Param("webhookId") Long webhookId,
            @Param("offset") long offset, @Param("limit") int limit);

    long countDeliveries(@Param("status") String status, @Param("webhookId") Long webhookId);

    WebhookDelivery findDelivery(@Param("deliveryId") long deliveryId);

    /** A DEAD or PENDING delivery goes again now, its attempts counted afresh; returns rows changed. */
    int retry(@Param("deliveryId") long deliveryId, @Param("now") Instant now);

    /** A mutable row for the insert, so that MyBatis can set the generated id. */
    final class WebhookRow {
        public Long webhookId;
        public String url;
        public String secret;
        public String campaignId;
    }
}
