package org.memberflow.api.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.memberflow.api.member.MemberCache;
import org.memberflow.rules.fact.MemberEvent;
import org.springframework.stereotype.Component;

/**
 * Members' latest phone numbers (registrations and profile updates carry them; the engine never
 * reads them): sealed in MySQL, masked in the member's Redis hash, where lookups show it.
 * Idempotent: the latest event time wins.
 */
@Component
public class ContactBook {
    private final ContactMapper mapper;
    private final PhoneCipher cipher;
    private final MemberCache cache;

    ContactBook(ContactMapper mapper, PhoneCipher cipher, MemberCache cache) {
        this.mapper = mapper;
        this.cipher = cipher;
        this.cache = cache;
    }

    /** Keeps the phone number of each event that carries one, if it is the member's latest. */
    public void keepLatest(List<MemberEvent> events) {
        Map<String, MemberEvent> latest = new LinkedHashMap<>();
        for (MemberEvent e : events) {
            MemberEvent known = latest.get(e.getMemberId());
            if (known == null || !e.getOccurredAt().isBefore(known.getOccurredAt())) {
                latest.put(e.getMemberId(), e);
            }
        }
        if (latest.isEmpty()) {
            return;
        }
        List<ContactMapper.Contact> contacts = new ArrayList<>(latest.size());
        for (MemberEvent e : latest.values()) {
            String phone = e.getProfile().getPhone().strip();
            PhoneCipher.Sealed sealed = cipher.seal(e.getMemberId(), phone);
            contacts.add(new ContactMapper.Contact(e.getMemberId(), sealed.bytes(), sealed.keyId(), PhoneMask.mask(phone),
                    e.getOccurredAt()));
        }
        mapper.upsert(contacts);
        // What MySQL kept, which is older than this batch's number when a newer one came first.
        Map<String, String> masked = new LinkedHashMap<>();
        mapper.findAll(new ArrayList<>(latest.keySet())).forEach(c -> masked.put(c.memberId(), c.masked()));
        cache.putMaskedPhones(masked);
    }
}
