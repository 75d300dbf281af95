package org.memberflow.bench.chaos;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.memberflow.engine.Topics;
import org.memberflow.engine.action.CampaignAction;

/**
 * What a cluster actually decided and delivered, for the members of one scenario (their ids share a
 * prefix): the action ids on a topic as a read_committed consumer sees them, with how often each
 * appears, and the rows of the action log.
 */
public final class ActionCensus {
    private final ChaosStack stack;

    public ActionCensus(ChaosStack stack) {
        this.stack = stack;
    }

    /** How many times each action id of the scenario's members appears on {@code topic} (committed records only). */
    public Map<String, Integer> onTopic(Topics.Topic<String, CampaignAction> topic, String memberPrefix) {
        Map<String, Integer> counts = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : readAll(topic.name())) {
            if (r.key() != null && new String(r.key(), StandardCharsets.UTF_8).startsWith(memberPrefix)) {
                CampaignAction a = topic.valueSerde().deserializer().deserialize(topic.name(), r.value());
                counts.merge(a.actionId(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The latest record of each key of rfm-breakpoints (key = brand), as the engine's global table holds them. */
    public Map<String, byte[]> breakpoints() {
        Map<String, byte[]> latest = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : readAll(Topics.RFM_BREAKPOINTS.name())) {
            String brand = new String(r.key(), StandardCharsets.UTF_8);
            if (r.value() == null) {
                latest.remove(brand);
            } else {
                latest.put(brand, r.value());
            }
        }
        return latest;
    }

    /** The action log's outcome of each action of the scenario's members, by action id. */
    public Map<String, String> actionLog(String memberPrefix) {
        Map<String, String> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
                PreparedStatement s = c.prepareStatement("SELECT action_id, outcome FROM campaign_action WHERE member_id LIKE ?")) {
            s.setString(1, like(memberPrefix));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the action log: " + e.getMessage(), e);
        }
        return rows;
    }

    /** One row of the action log. */
    public record LoggedRow(String actionId, String memberId, String campaignId, String periodKey, String outcome) {
    }

    /** The action log's rows of the scenario's members for one campaign. */
    public List<LoggedRow> actionLog(String memberPrefix, String campaignId) {
        List<LoggedRow> rows = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
                PreparedStatement s = c.prepareStatement("SELECT action_id, member_id, campaign_id, period_key, outcome"
                        + " FROM campaign_action WHERE member_id LIKE ? AND campaign_id = ?")) {
            s.setString(1, like(memberPrefix));
            s.setString(2, campaignId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new LoggedRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the action log: " + e.getMessage(), e);
        }
        return rows;
    }

    /** How many actions of the scenario's members the action log holds. */
    public long actionLogRows(String memberPrefix) {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM campaign_action WHERE member_id LIKE ?")) {
            s.setString(1, like(memberPrefix));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the action log: " + e.getMessage(), e);
        }
    }

    private static String like(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Records of {@code topic} that consumer group {@code group} has not committed yet, over all partitions. */
    public long lag(String group, String topic) {
        try (Admin admin = stack.admin()) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                    .forEach((p, info) -> ends.put(p, info.offset()));
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            long lag = 0;
            for (TopicPartition p : partitions) {
                OffsetAndMetadata c = committed.get(p);
                lag += Math.max(0, ends.get(p) - (c == null ? 0 : c.offset()));
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the offsets of " + group + ": " + e.getCause().getMessage(), e);
        }
    }

    /**
     * How many distinct clients of consumer group {@code group} hold partitions of {@code topic} now:
     * for the engine, how many servers (at one stream thread each) Kafka Streams spread the work over.
     */
    public long membersHolding(String group, String topic) {
        try (Admin admin = stack.admin()) {
            return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().stream()
                    .filter(m -> m.assignment().topicPartitions().stream().anyMatch(tp -> tp.topic().equals(topic)))
                    .map(m -> m.clientId()).distinct().count();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe " + group + ": " + e.getCause().getMessage(), e);
        }
    }

    public int partitions(String topic) {
        try (Admin admin = stack.admin()) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe " + topic + ": " + e.getCause().getMessage(), e);
        }
    }

    /** Every committed record of a topic, from the start to its last stable offset now. */
    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "chaos-census-" + UUID.randomUUID());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        List<ConsumerRecord<byte[], byte[]>> records = new java.util.ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + topic + " did not reach its end in 5 minutes");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}
