package org.memberflow.api.action;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** MyBatis mapper of the action log; SQL in resources/mapper/ActionMapper.xml. */
@Mapper
interface ActionMapper {
    /** Inserts the rows whose action id is new; returns how many were new. */
    int insertIgnoringKnown(@Param("rows") List<ActionRow> rows);

    List<ActionRow> findByMember(@Param("memberId") String memberId, @Param("limit") int limit);
}
