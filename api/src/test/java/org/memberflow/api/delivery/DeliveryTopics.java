package org.memberflow.api.delivery;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.memberflow.api.support.KafkaTestClient;
import org.memberflow.engine.Topics;
import org.memberflow.engine.action.CampaignAction;

/**
 * For the delivery tests: the decisions on campaign-decisions (read, sent again, seen settled) and
 * the actions published on campaign-actions.
 */
final class DeliveryTopics {
    private final String bootstrap;

    DeliveryTopics(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** The actions of the campaign for these members on campaign-actions, the downstream contract. */
    List<CampaignAction> published(String campaign, String memberPrefix) {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            return kafka.readAll(Topics.CAMPAIGN_ACTIONS.name()).stream()
                    .map(r -> Topics.CAMPAIGN_ACTIONS.valueSerde().deserializer().deserialize(null, r.value()))
                    .filter(a -> a.campaignId().equals(campaign) && a.memberId().startsWith(memberPrefix)).toList();
        }
    }

    /** The records of campaign-decisions of this campaign for members whose id starts with the prefix. */
    List<ConsumerRecord<byte[], byte[]>> decisions(String campaign, String memberPrefix) {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            return kafka.readAll(Topics.CAMPAIGN_DECISIONS.name()).stream().filter(r -> {
                CampaignAction a = Topics.CAMPAIGN_DECISIONS.valueSerde().deserializer().deserialize(null, r.value());
                return a.campaignId().equals(campaign) && a.memberId().startsWith(memberPrefix);
            }).toList();
        }
    }

    /** Sends the records again, as an engine replaying its input would decide them again. */
    void resend(List<ConsumerRecord<byte[], byte[]>> records) {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            for (ConsumerRecord<byte[], byte[]> d : records) {
                kafka.sendAsync(Topics.CAMPAIGN_DECISIONS.name(), KafkaTestClient.text(d.key()),
                        new String(d.value(), StandardCharsets.UTF_8), System.currentTimeMillis());
            }
            kafka.flush();
        }
    }

    /** True once the delivery stage has committed (so settled) every partition past these records. */
    boolean settledPast(List<ConsumerRecord<byte[], byte[]>> records) throws Exception {
        Map<TopicPartition, Long> last = new HashMap<>();
        records.forEach(r -> last.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::max));
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("memberflow-delivery")
                    .partitionsToOffsetAndMetadata().get();
            return last.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
                    && committed.get(e.getKey()).offset() > e.getValue());
        }
    }
}
