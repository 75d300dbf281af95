package org.memberflow.api.campaign;

/** ACTIVE campaigns deliver; a PAUSED one records its decisions as SUPPRESSED_PAUSED. */
public enum CampaignStatus {
    ACTIVE, PAUSED
}
