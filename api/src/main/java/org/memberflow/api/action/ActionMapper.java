package org.memberflow.api.action;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** MyBatis mapper of the action log; SQL in resources/mapper/ActionMapper.xml. */
@Mapper
public interface ActionMapper {
    /** Inserts new rows; a known action id is an error (the settling transaction rolls back). */
    int insertAll(@Param("rows") List<ActionRow> rows);

    /** The rows of these action ids that are already settled. */
    List<ActionRow> findByIds(@Param("ids") List<String> actionIds);

    /** The delivered and control actions of these members decided after {@code since}: what their caps count. */
    List<RecentDelivery> deliveredSince(@Param("memberIds") List<String> memberIds, @Param("since") Instant since);

    List<ActionRow> findByMember(@Param("memberId") String memberId, @Param("limit") int limit);
}
