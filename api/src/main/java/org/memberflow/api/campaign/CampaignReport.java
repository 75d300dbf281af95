package org.memberflow.api.campaign;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.memberflow.api.action.Outcome;
import org.springframework.stereotype.Component;

/** Builds a campaign's results from the action log and the purchases. */
@Component
public class CampaignReport {
    private static final int DEFAULT_CONVERSION_DAYS = 7;
    private final CampaignMapper mapper;

    CampaignReport(CampaignMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param campaign the campaign's row, or null for a campaign id the rules use without one
     * @param days     the conversion window; null for the campaign's own
     */
    public CampaignResults of(String campaignId, Campaign campaign, Integer days) {
        long decided = 0;
        long delivered = 0;
        long control = 0;
        long deferred = 0;
        Map<String, Long> suppressed = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) {
            if (o.reason() != null) {
                suppressed.put(o.reason(), 0L);
            }
        }
        for (OutcomeCount c : mapper.outcomes(campaignId)) {
            decided += c.actions();
            Outcome outcome = Outcome.valueOf(c.outcome());
            switch (outcome) {
                case DELIVERED -> {
                    delivered = c.actions();
                    deferred = c.counted();
                }
                case CONTROL -> control = c.actions();
                default -> suppressed.put(outcome.reason(), c.actions());
            }
        }
        int window = days != null ? days : campaign != null ? campaign.conversionDays() : DEFAULT_CONVERSION_DAYS;
        long treatedActions = 0;
        long treatedConverted = 0;
        long controlActions = 0;
        long controlConverted = 0;
        for (OutcomeCount c : mapper.conversions(campaignId, window)) {
            if (Outcome.valueOf(c.outcome()) == Outcome.DELIVERED) {
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
