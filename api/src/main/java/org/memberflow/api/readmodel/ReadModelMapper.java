package org.memberflow.api.readmodel;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.memberflow.rules.fact.MemberEvent;

/** MyBatis mapper of the read model; SQL in resources/mapper/ReadModelMapper.xml. */
@Mapper
interface ReadModelMapper {
    void upsertMembers(@Param("rows") List<MemberRow> rows);

    /** Removes the member from every segment but {@code keep} (from all when empty). */
    void deleteSegmentsNotIn(@Param("memberId") String memberId, @Param("keep") List<String> keep);

    void insertSegments(@Param("memberId") String memberId, @Param("brandId") String brandId,
            @Param("segments") List<String> segments, @Param("since") Instant since);

    /** Inserts purchases not yet known (by member and event id). */
    void insertPurchases(@Param("events") List<MemberEvent> purchases);

    List<String> segmentsOf(@Param("memberId") String memberId);
}
