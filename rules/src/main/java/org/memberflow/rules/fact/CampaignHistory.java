package org.memberflow.rules.fact;

import java.util.Map;
import java.util.Set;

/**
 * What MemberFlow has already done for this member, per campaign and period (活动记录). The engine
 * never repeats an action for the same campaign and period; rules can also ask, for example to
 * send a second-stage reminder only after the first.
 */
public final class CampaignHistory {
    private final Map<String, Set<String>> periodsByCampaign;

    public CampaignHistory(Map<String, Set<String>> periodsByCampaign) {
        this.periodsByCampaign = Map.copyOf(periodsByCampaign);
    }

    public boolean hasActed(String campaignId, String periodKey) {
        Set<String> periods = periodsByCampaign.get(campaignId);
        return periods != null && periods.contains(periodKey);
    }

    public boolean hasActedIn(String campaignId) {
        Set<String> periods = periodsByCampaign.get(campaignId);
        return periods != null && !periods.isEmpty();
    }
}
