package org.memberflow.api.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.memberflow.api.member.MemberCache;
import org.memberflow.engine.event.EventReader;
import org.memberflow.engine.event.InvalidEventException;
import org.memberflow.rules.fact.MemberEvent;
import org.memberflow.api.readmodel.SinkConfiguration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each member's latest phone number from {@code member-events} (registrations and profile
 * updates carry it; the engine never reads it), sealed in MySQL and masked in the member's Redis
 * hash, where lookups show it. Idempotent: the latest event time wins.
 */
@Component
class ContactSink {
    private final EventReader reader = new EventReader();
    private final ContactMapper mapper;
    private final PhoneCipher cipher;
    private final MemberCache cache;

    ContactSink(ContactMapper mapper, PhoneCipher cipher, MemberCache cache) {
        this.mapper = mapper;
        this.cipher = cipher;
        this.cache = cache;
    }

    @KafkaListener(id = "contact-sink", groupId = "memberflow-contact-sink", topics = "member-events", batch = "true",
            containerFactory = SinkConfiguration.SINK_CONTAINER_FACTORY)
    void onEvents(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, ContactMapper.Contact> latest = new LinkedHashMap<>();
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
            String phone = event.getProfile() == null ? null : event.getProfile().getPhone();
            if (phone == null || phone.isBlank()) {
                continue;
            }
            ContactMapper.Contact known = latest.get(event.getMemberId());
            if (known == null || !event.getOccurredAt().isBefore(known.at())) {
                PhoneCipher.Sealed sealed = cipher.seal(event.getMemberId(), phone.strip());
                latest.put(event.getMemberId(), new ContactMapper.Contact(event.getMemberId(), sealed.bytes(),
                        sealed.keyId(), PhoneMask.mask(phone.strip()), event.getOccurredAt()));
            }
        }
        if (latest.isEmpty()) {
            return;
        }
        mapper.upsert(new ArrayList<>(latest.values()));
        Map<String, String> masked = new LinkedHashMap<>();
        latest.values().forEach(c -> masked.put(c.memberId(), mapper.find(c.memberId()).masked()));
        cache.putMaskedPhones(masked);
    }
}
