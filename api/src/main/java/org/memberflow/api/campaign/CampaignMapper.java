package org.memberflow.api.campaign;

import java.math.BigDecimal;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** MyBatis mapper of {@code campaign}; SQL in resources/mapper/CampaignMapper.xml. */
@Mapper
public interface CampaignMapper {
    List<Campaign> findPage(@Param("offset") long offset, @Param("limit") int limit);

    long count();

    Campaign findById(@Param("campaignId") String campaignId);

    /** Locks the rows of these campaigns, in id order (no deadlock between settlers), and reads them. */
    List<Campaign> lockByIds(@Param("ids") List<String> campaignIds);

    /** Inserts or replaces the settings of a campaign; what it spent is kept. */
    void upsert(@Param("c") Campaign campaign);

    /**
     * Sets only the status (pause, resume), so that settings a PUT changed meanwhile are kept.
     * Answers the rows changed: 0 when there is no such campaign.
     */
    int updateStatus(@Param("campaignId") String campaignId, @Param("status") CampaignStatus status);

    /** Actions per outcome; counted = those held for quiet hours (a notBefore). */
    List<OutcomeCount> outcomes(@Param("campaignId") String campaignId);

    /** DELIVERED and CONTROL actions; counted = those followed by a purchase within {@code days}. */
    List<OutcomeCount> conversions(@Param("campaignId") String campaignId, @Param("days") int days);

    void updateSpent(@Param("campaignId") String campaignId, @Param("spentCount") long spentCount,
            @Param("spentValue") BigDecimal spentValue);
}
