package org.memberflow.api.job;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The SQL of the nightly breakpoints, over the member table; in resources/mapper/BreakpointsMapper.xml. */
@Mapper
interface BreakpointsMapper {
    List<String> brands(@Param("since") LocalDate since);

    long buyers(@Param("brand") String brand, @Param("since") LocalDate since);

    /** {@code dimension}: recency, frequency or monetary (fen). */
    List<Long> valuesAtRanks(@Param("brand") String brand, @Param("since") LocalDate since,
            @Param("today") LocalDate today, @Param("dimension") String dimension, @Param("ranks") List<Long> ranks);

    Map<String, Object> means(@Param("brand") String brand, @Param("since") LocalDate since,
            @Param("today") LocalDate today);
}
