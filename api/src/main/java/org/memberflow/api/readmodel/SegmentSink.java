package org.memberflow.api.readmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.memberflow.engine.Topics;
import org.memberflow.engine.segment.SegmentChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Copies {@code member-segments} into MySQL ({@code member_segment}) and Redis (a set of members
 * per brand and segment). Each change carries the member's whole list of segments, so applying it
 * again, or applying only the latest of a compacted topic, ends in the same place.
 */
@Component
class SegmentSink {
    private static final Logger log = LoggerFactory.getLogger(SegmentSink.class);
    private final ReadModelMapper mapper;
    private final SegmentSets sets;
    private final TransactionTemplate transactions;

    SegmentSink(ReadModelMapper mapper, SegmentSets sets, TransactionTemplate transactions) {
        this.mapper = mapper;
        this.sets = sets;
        this.transactions = transactions;
    }

    @KafkaListener(id = "segment-sink", groupId = "memberflow-segment-sink", topics = "member-segments",
            batch = "true", containerFactory = SinkConfiguration.SINK_CONTAINER_FACTORY)
    void onChanges(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, SegmentChange> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.value() == null) {
                continue;
            }
            try {
                SegmentChange change = complete(
                        Topics.MEMBER_SEGMENTS.valueSerde().deserializer().deserialize(r.topic(), r.value()));
                SegmentChange earlier = latest.remove(change.memberId());
                // Keep what the first change of the batch removed: those sets must lose the member too.
                latest.put(change.memberId(), earlier == null ? change : new SegmentChange(change.memberId(),
                        change.brandId(), earlier.previousClass(), change.rfmClass(), union(earlier.previousSegments(),
                        change.previousSegments()), change.segments(), change.changedAt()));
            } catch (RuntimeException e) {
                log.error("skipping unreadable record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
            }
        }
        if (latest.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(tx -> latest.values().forEach(c -> {
            mapper.deleteSegmentsNotIn(c.memberId(), c.segments());
            if (!c.segments().isEmpty()) {
                mapper.insertSegments(c.memberId(), c.brandId(), c.segments(), c.changedAt());
            }
        }));
        sets.apply(latest.values());
    }

    /** The change with absent segment lists read as empty. */
    private static SegmentChange complete(SegmentChange c) {
        return new SegmentChange(c.memberId(), c.brandId(), c.previousClass(), c.rfmClass(),
                c.previousSegments() == null ? List.of() : c.previousSegments(),
                c.segments() == null ? List.of() : c.segments(), c.changedAt());
    }

    private static List<String> union(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(s -> !all.contains(s)).forEach(all::add);
        return all;
    }
}
