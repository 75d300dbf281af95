package org.memberflow.api.readmodel;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.memberflow.api.privacy.ContactBook;
import org.memberflow.engine.event.EventReader;
import org.memberflow.engine.event.InvalidEventException;
import org.memberflow.rules.fact.EventType;
import org.memberflow.rules.fact.MemberEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What the server keeps of the raw {@code member-events}, read and parsed once: purchases into the
 * MySQL {@code purchase} table, where a campaign's conversion is measured (a purchase within N days
 * after an action), and phone numbers into the {@link ContactBook}. Records that are not valid
 * events are the engine's to send to the dead-letter topic; here they are passed over. Idempotent:
 * a purchase is keyed by member and event id, a phone number is the member's latest.
 */
@Component
class MemberEventSink {
    private final EventReader reader = new EventReader();
    private final ReadModelMapper mapper;
    private final ContactBook contacts;

    MemberEventSink(ReadModelMapper mapper, ContactBook contacts) {
        this.mapper = mapper;
        this.contacts = contacts;
    }

    @KafkaListener(id = "member-event-sink", groupId = "memberflow-member-event-sink", topics = "member-events",
            batch = "true", containerFactory = SinkConfiguration.SINK_CONTAINER_FACTORY)
    void onEvents(List<ConsumerRecord<String, byte[]>> records) {
        List<MemberEvent> purchases = new ArrayList<>();
        List<MemberEvent> withPhone = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.value() == null) {
                continue;
            }
            MemberEvent event;
            try {
                event = reader.read(r.value());
            } catch (InvalidEventException e) {
                continue; // the engine dead-letters it
            }
            if (event.getType() == EventType.PURCHASE) {
                purchases.add(event);
            }
            if (event.getProfile() != null && event.getProfile().getPhone() != null
                    && !event.getProfile().getPhone().isBlank()) {
                withPhone.add(event);
            }
        }
        if (!purchases.isEmpty()) {
            mapper.insertPurchases(purchases);
        }
        contacts.keepLatest(withPhone);
    }
}
