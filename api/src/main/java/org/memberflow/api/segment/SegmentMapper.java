package org.memberflow.api.segment;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Who is in which segment, from the read model's {@code member_segment} table. */
@Mapper
public interface SegmentMapper {

    /** A segment and how many members are in it. */
    record Size(String segment, long members) {
    }

    /** A member of a segment, since when, with the tier and class of their latest snapshot. */
    record Member(String memberId, Instant since, String tier, String rfmClass) {
    }

    List<Size> sizes(@Param("brand") String brand);

    long size(@Param("brand") String brand, @Param("segment") String segment);

    List<Member> members(@Param("brand") String brand, @Param("segment") String segment, @Param("offset") int offset,
            @Param("limit") int limit);

    /** Members in both {@code a} and {@code b}. */
    long overlap(@Param("brand") String brand, @Param("a") String a, @Param("b") String b);

    /** The segments one member is in. */
    List<String> ofMember(@Param("memberId") String memberId);

    /** Every brand that has members in a segment. */
    List<String> brands();
}
