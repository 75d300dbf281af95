package org.memberflow.api.readmodel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.memberflow.engine.Topics;
import org.memberflow.engine.segment.MemberSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Copies {@code member-snapshots} into the MySQL {@code member} table, the queryable read model
 * (segments by SQL, the nightly breakpoints). A consumer group of its own, so that it and the
 * Redis copy each wait out their own outage; one multi-row upsert per batch, the latest snapshot
 * of each member, offsets committed after the write.
 */
@Component
class MemberTableSink {
    private static final Logger log = LoggerFactory.getLogger(MemberTableSink.class);
    private final ReadModelMapper mapper;

    MemberTableSink(ReadModelMapper mapper) {
        this.mapper = mapper;
    }

    @KafkaListener(id = "member-table-sink", groupId = "memberflow-member-table-sink", topics = "member-snapshots",
            batch = "true", containerFactory = SinkConfiguration.SINK_CONTAINER_FACTORY)
    void onSnapshots(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, MemberRow> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.value() == null) {
                continue;
            }
            try {
                MemberSnapshot snapshot = Topics.MEMBER_SNAPSHOTS.valueSerde().deserializer().deserialize(r.topic(), r.value());
                latest.put(snapshot.memberId(), MemberRow.of(snapshot));
            } catch (RuntimeException e) {
                log.error("skipping unreadable record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
            }
        }
        if (!latest.isEmpty()) {
            mapper.upsertMembers(List.copyOf(latest.values()));
        }
    }
}
