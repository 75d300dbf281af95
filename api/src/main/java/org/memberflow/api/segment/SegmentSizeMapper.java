package org.memberflow.api.segment;

import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The daily history of segment sizes, {@code segment_size_daily}. */
@Mapper
public interface SegmentSizeMapper {

    /** How many members a segment of a brand had on a day. */
    record DailySize(String segment, LocalDate day, long members) {
    }

    int deleteDay(@Param("day") LocalDate day);

    /** Every brand's and segment's size now, from member_segment, recorded under {@code day}. */
    int insertCurrent(@Param("day") LocalDate day);

    List<DailySize> history(@Param("brand") String brand, @Param("from") LocalDate from);
}
