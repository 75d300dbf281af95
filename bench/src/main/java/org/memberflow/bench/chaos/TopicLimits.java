package org.memberflow.bench.chaos;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/** What the broker says a topic accepts. */
final class TopicLimits {
    /** A record batch's header (magic 2), before its records. */
    static final int BATCH_OVERHEAD = 61;

    private TopicLimits() {
    }

    /** The topic's {@code max.message.bytes}: the largest record batch it accepts, header included. */
    static int maxMessageBytes(String bootstrap, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            return Integer.parseInt(config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the configuration of " + topic, e.getCause());
        }
    }

    /**
     * The largest value a record of {@code fixedBytes} (key and headers) can carry alone in a batch
     * of at most {@code maxMessageBytes}: the batch header, and per record its length, attributes,
     * deltas and the varints of key, value and header lengths (at most 24 bytes here).
     */
    static int largestValue(int maxMessageBytes, int fixedBytes) {
        return maxMessageBytes - BATCH_OVERHEAD - 24 - fixedBytes;
    }
}
