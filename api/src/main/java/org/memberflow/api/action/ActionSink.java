package org.memberflow.api.action;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.memberflow.engine.Topics;
import org.memberflow.engine.action.CampaignAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Copies {@code campaign-actions} into the action log. Offsets are committed only after the rows
 * are written, and the write ignores known action ids: at-least-once delivery, exactly-once rows.
 * A database outage makes the batch retry with backoff (see {@link SinkConfiguration}), never skip.
 */
@Component
class ActionSink {
    private static final Logger log = LoggerFactory.getLogger(ActionSink.class);
    private final ActionRepository repository;

    ActionSink(ActionRepository repository) {
        this.repository = repository;
    }

    @KafkaListener(id = "action-sink", groupId = "memberflow-action-sink", topics = "campaign-actions", batch = "true",
            containerFactory = SinkConfiguration.SINK_CONTAINER_FACTORY)
    void onActions(List<ConsumerRecord<String, byte[]>> records) {
        List<CampaignAction> actions = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> r : records) {
            try {
                actions.add(Topics.CAMPAIGN_ACTIONS.valueSerde().deserializer().deserialize(r.topic(), r.value()));
            } catch (RuntimeException e) {
                // Not written by the engine: nothing to record, and no reason to stop the sink.
                log.error("skipping unreadable record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
            }
        }
        int added = repository.recordAll(actions);
        log.debug("recorded {} new of {} actions", added, actions.size());
    }
}
