package org.memberflow.api.readmodel;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.memberflow.engine.event.EventReader;
import org.memberflow.engine.event.InvalidEventException;
import org.memberflow.rules.fact.EventType;
import org.memberflow.rules.fact.MemberEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Copies the purchases of {@code member-events} into the MySQL {@code purchase} table, where a
 * campaign's conversion is measured (a purchase within N days after an action). Records that are
 * not valid events are the engine's to send to the dead-letter topic; here they are passed over.
 * Idempotent: a purchase is keyed by member and event id.
 */
@Component
class PurchaseSink {
    private final EventReader reader = new EventReader();
    private final ReadModelMapper mapper;

    PurchaseSink(ReadModelMapper mapper) {
        this.mapper = mapper;
    }

    @KafkaListener(id = "purchase-sink", groupId = "memberflow-purchase-sink", topics = "member-events", batch = "true",
            containerFactory = SinkConfiguration.SINK_CONTAINER_FACTORY)
    void onEvents(List<ConsumerRecord<String, byte[]>> records) {
        List<MemberEvent> purchases = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.value() == null) {
                continue;
            }
            try {
                MemberEvent event = reader.read(r.value());
                if (event.getType() == EventType.PURCHASE) {
                    purchases.add(event);
                }
            } catch (InvalidEventException e) {
                // the engine dead-letters it
            }
        }
        if (!purchases.isEmpty()) {
            mapper.insertPurchases(purchases);
        }
    }
}
