package org.memberflow.api.privacy;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The {@code member_contact} table: sealed phone numbers. */
@Mapper
interface ContactMapper {

    /** A member's phone number as stored: sealed, with its key id and masked form, as of {@code at}. */
    record Contact(String memberId, byte[] sealed, String keyId, String masked, Instant at) {
    }

    /** Keeps each member's latest number: an older event replayed after a newer one changes nothing. */
    void upsert(@Param("contacts") List<Contact> contacts);

    List<Contact> findAll(@Param("memberIds") List<String> memberIds);
}
