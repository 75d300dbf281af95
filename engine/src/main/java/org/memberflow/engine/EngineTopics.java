package org.memberflow.engine;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * How the engine's topics are created, in one place for the server, the tests and the benchmarks.
 * Everything keyed by memberId has the same partitions: engine-clock ticks must land in the task
 * that owns the members they wake.
 *
 * <p>The logs keep their records forever (an operator can change that on the topic): Kafka is the
 * source of truth, a replay from offset 0 must find all history, and events carry their own times,
 * so a year-old purchase loaded today would otherwise be deleted by the broker's default 7-day,
 * timestamp-based retention before the engine had read it.
 */
public final class EngineTopics {
    private static final Map<String, String> KEEP_FOREVER = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1");
    private static final Map<String, String> COMPACTED = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.CLEANUP_POLICY_COMPACT);

    /** A record holds a whole rule set: up to 16 MiB of files, base64 in JSON. */
    public static final int RULE_SET_MAX_BYTES = 24 * 1024 * 1024;
    private static final Map<String, String> RULE_SETS = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(RULE_SET_MAX_BYTES));

    private EngineTopics() {
    }

    public static List<NewTopic> all(int partitions, short replicationFactor) {
        return List.of(
                topic(Topics.MEMBER_EVENTS.name(), partitions, replicationFactor, KEEP_FOREVER),
                topic(Topics.ENGINE_CLOCK.name(), partitions, replicationFactor, KEEP_FOREVER),
                topic(Topics.MEMBER_EVENTS_DLQ.name(), partitions, replicationFactor, KEEP_FOREVER),
                topic(Topics.CAMPAIGN_DECISIONS.name(), partitions, replicationFactor, KEEP_FOREVER),
                topic(Topics.CAMPAIGN_ACTIONS.name(), partitions, replicationFactor, KEEP_FOREVER),
                topic(Topics.MEMBER_SEGMENTS.name(), partitions, replicationFactor, COMPACTED),
                topic(Topics.MEMBER_SNAPSHOTS.name(), partitions, replicationFactor, COMPACTED),
                topic(Topics.RFM_BREAKPOINTS.name(), 1, replicationFactor, COMPACTED),
                topic(Topics.RULE_SETS.name(), 1, replicationFactor, RULE_SETS));
    }

    private static NewTopic topic(String name, int partitions, short replicationFactor, Map<String, String> configs) {
        return new NewTopic(name, partitions, replicationFactor).configs(configs);
    }
}
