package org.memberflow.rules.fact;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;

/**
 * What MemberFlow has already done for this member, per campaign and period (活动记录). The engine
 * never repeats an action for the same campaign and period; rules can also ask, for example to
 * send a second-stage reminder only after the first.
 */
public final class CampaignHistory {
    private final Map<String, ? extends Collection<String>> periodsByCampaign;

    /**
     * A read-only view of {@code periodsByCampaign}, not a copy: the engine makes one per unit of
     * work from the member's state, which does not change until the rules are done (copying it
     * for every swept member cost more than anything a rule asks of it).
     */
    public CampaignHistory(Map<String, ? extends Collection<String>> periodsByCampaign) {
        this.periodsByCampaign = Collections.unmodifiableMap(periodsByCampaign);
    }

    public boolean hasActed(String campaignId, String periodKey) {
        Collection<String> periods = periodsByCampaign.get(campaignId);
        return periods != null && periods.contains(periodKey);
    }

    public boolean hasActedIn(String campaignId) {
        Collection<String> periods = periodsByCampaign.get(campaignId);
        return periods != null && !periods.isEmpty();
    }
}
