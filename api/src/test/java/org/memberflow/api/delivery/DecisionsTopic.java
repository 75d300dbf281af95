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

/** For tests that replay decisions: read them from campaign-decisions, send them again, see them settled. */
final class DecisionsTopic {
    private final String bootstrap;

    DecisionsTopic(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** The records of campaign-decisions of this campaign for members whose id starts with the prefix. */
    List<ConsumerRecord<byte[], byte[]>> of(String campaign, String memberPrefix) {
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
