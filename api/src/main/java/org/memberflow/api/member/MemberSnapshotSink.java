package org.memberflow.api.member;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.memberflow.api.readmodel.SinkConfiguration;
import org.memberflow.engine.Topics;
import org.memberflow.engine.segment.MemberSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Copies {@code member-snapshots} into the {@link MemberCache}. Only the last snapshot of each
 * member in a batch is written (the topic is in order per member), and offsets are committed after
 * Redis has them: a replay rewrites the same values, so the copy ends equal to the topic.
 */
@Component
class MemberSnapshotSink {
    private static final Logger log = LoggerFactory.getLogger(MemberSnapshotSink.class);
    private final MemberCache cache;

    MemberSnapshotSink(MemberCache cache) {
        this.cache = cache;
    }

    @KafkaListener(id = "member-snapshot-sink", groupId = "memberflow-member-snapshot-sink", topics = "member-snapshots",
            batch = "true", containerFactory = SinkConfiguration.SINK_CONTAINER_FACTORY)
    void onSnapshots(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, MemberCache.Entry> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.key() == null || r.value() == null) {
                continue;
            }
            try {
                MemberSnapshot snapshot = Topics.MEMBER_SNAPSHOTS.valueSerde().deserializer().deserialize(r.topic(), r.value());
                latest.put(r.key(), new MemberCache.Entry(snapshot, r.value()));
            } catch (RuntimeException e) {
                log.error("skipping unreadable record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
            }
        }
        cache.putAll(latest);
    }
}
