package org.memberflow.api.console;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The dashboard's reads of the action log; SQL in resources/mapper/DashboardMapper.xml. */
@Mapper
interface DashboardMapper {

    /** A campaign's actions on one day: delivered, and every other outcome (control, suppressed). */
    record DailyActions(String campaignId, LocalDate day, long delivered, long other) {
    }

    /** @param offset the dashboard's time zone as an offset from UTC ({@code +08:00}): its days */
    List<DailyActions> actionsPerDay(@Param("brand") String brand, @Param("since") Instant since,
            @Param("offset") String offset);
}
