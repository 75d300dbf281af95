package org.memberflow.api.campaign;

import org.memberflow.api.problem.InvalidParameterException;

/**
 * The check of a campaign id in a path, the same for the API and the console: any characters
 * (the rules name campaigns freely), at most the column's 64.
 */
public final class CampaignIds {
    public static final int MAX_LENGTH = 64;

    private CampaignIds() {
    }

    public static void check(String campaignId) {
        if (campaignId.codePointCount(0, campaignId.length()) > MAX_LENGTH) {
            throw new InvalidParameterException("campaignId", "must be at most " + MAX_LENGTH + " characters");
        }
    }
}
