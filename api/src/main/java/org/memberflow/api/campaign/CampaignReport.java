package org.memberflow.api.campaign;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Builds a campaign's results from the action log and the purchases. */
@Component
class CampaignReport {
    private static final int DEFAULT_CONVERSION_DAYS = 7;
    private static final Map<String, String> SUPPRESSED = Map.of(
            "SUPPRESSED_PAUSED", "paused", "SUPPRESSED_CAP", "cap", "SUPPRESSED_DAILY_CAP", "dailyCap",
            "SUPPRESSED_QUIET_HOURS", "quietHours", "SUPPRESSED_BUDGET", "budget");
    private final CampaignMapper mapper;

    CampaignReport(CampaignMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param campaign the campaign's row, or null for a campaign id the rules use without one
     * @param days     the conversion window; null for the campaign's own
     */
    CampaignResults of(String campaignId, Campaign campaign, Integer days) {
        long decided = 0;
        long delivered = 0;
        long control = 0;
        long deferred = 0;
        Map<String, Long> suppressed = new LinkedHashMap<>();
        for (String reason : new String[] {"paused", "cap", "dailyCap", "quietHours", "budget"}) {
            suppressed.put(reason, 0L);
        }
        for (OutcomeCount c : mapper.outcomes(campaignId)) {
            decided += c.actions();
            switch (c.outcome()) {
                case "DELIVERED" -> {
                    delivered = c.actions();
                    deferred = c.counted();
                }
                case "CONTROL" -> control = c.actions();
                default -> suppressed.merge(SUPPRESSED.getOrDefault(c.outcome(), c.outcome()), c.actions(), Long::sum);
            }
        }
        int window = days != null ? days : campaign != null ? campaign.conversionDays() : DEFAULT_CONVERSION_DAYS;
        long treatedActions = 0;
        long treatedConverted = 0;
        long controlActions = 0;
        long controlConverted = 0;
        for (OutcomeCount c : mapper.conversions(campaignId, window)) {
            if ("DELIVERED".equals(c.outcome())) {
                treatedActions = c.actions();
                treatedConverted = c.counted();
            } else {
                controlActions = c.actions();
                controlConverted = c.counted();
            }
        }
        CampaignResults.Conversion conversion = new CampaignResults.Conversion(window,
                CampaignResults.Group.of(treatedActions, treatedConverted),
                CampaignResults.Group.of(controlActions, controlConverted),
                Lift.of(treatedConverted, treatedActions, controlConverted, controlActions));
        CampaignResults.Spent spent = campaign == null ? new CampaignResults.Spent(delivered, null)
                : new CampaignResults.Spent(campaign.spentCount(), campaign.spentValue());
        return new CampaignResults(campaignId, decided, delivered, control, deferred, suppressed, spent, conversion);
    }
}
