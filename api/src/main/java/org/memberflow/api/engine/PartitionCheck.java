package org.memberflow.api.engine;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.memberflow.engine.Topics;

/**
 * Refuses to start a server whose {@code memberflow.engine.partitions} differs from the partitions
 * that {@code member-events} already has. Spring's KafkaAdmin would otherwise add partitions to the
 * existing topics: members would hash to other partitions than the ones whose state holds them, and
 * the engine's changelogs would no longer match its inputs. Partitions are chosen once, up front.
 */
final class PartitionCheck {
    private PartitionCheck() {
    }

    /** Throws when member-events exists with other partitions than {@code configured}. */
    static void require(Admin admin, int configured) {
        String topic = Topics.MEMBER_EVENTS.name();
        Map<String, TopicDescription> existing;
        try {
            boolean exists = admin.listTopics().names().get().contains(topic);
            existing = exists ? admin.describeTopics(List.of(topic)).allTopicNames().get() : Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the partitions of " + topic, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot check the partitions of " + topic + ": " + e.getMessage(), e);
        }
        TopicDescription d = existing.get(topic);
        String problem = problem(d == null ? null : d.partitions().size(), configured);
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    /** What is wrong, or null when {@code existing} (null: no topic yet) agrees with {@code configured}. */
    static String problem(Integer existing, int configured) {
        if (existing == null || existing == configured) {
            return null;
        }
        return Topics.MEMBER_EVENTS.name() + " has " + existing + " partitions, but MEMBERFLOW_ENGINE_PARTITIONS"
                + " (memberflow.engine.partitions) is " + configured + ": members and their state are placed by"
                + " partition, so a running deployment keeps its count. Set it to " + existing + " (README, \"Several"
                + " instances and machines\").";
    }
}
