package org.memberflow.rules.fact;

import java.math.BigDecimal;

/**
 * What the RFM classification (RFM 分层) rules decide from: the member's recency, frequency and
 * monetary value over the window, their 1–5 scores, and whether each is "high", that is better
 * than the mean of the brand's members (a more recent last purchase, more purchases, more spend).
 * A prospect (潜在客户) has no purchase in the window: then the scores are 0 and nothing is high.
 * The class the rules give comes back as the {@link Segment} fact.
 */
public final class RfmProfile {
    private final boolean prospect;
    private final boolean recencyHigh;
    private final boolean frequencyHigh;
    private final boolean monetaryHigh;
    private final int recencyScore;
    private final int frequencyScore;
    private final int monetaryScore;
    private final Integer recencyDays;
    private final int frequency;
    private final BigDecimal monetary;

    public RfmProfile(boolean prospect, boolean recencyHigh, boolean frequencyHigh, boolean monetaryHigh,
            int recencyScore, int frequencyScore, int monetaryScore, Integer recencyDays, int frequency,
            BigDecimal monetary) {
        this.prospect = prospect;
        this.recencyHigh = recencyHigh;
        this.frequencyHigh = frequencyHigh;
        this.monetaryHigh = monetaryHigh;
        this.recencyScore = recencyScore;
        this.frequencyScore = frequencyScore;
        this.monetaryScore = monetaryScore;
        this.recencyDays = recencyDays;
        this.frequency = frequency;
        this.monetary = monetary;
    }

    /** No purchase in the window (潜在客户). */
    public boolean isProspect() {
        return prospect;
    }

    /** The last purchase is more recent than the mean's (R 高). */
    public boolean isRecencyHigh() {
        return recencyHigh;
    }

    /** More purchases in the window than the mean (F 高). */
    public boolean isFrequencyHigh() {
        return frequencyHigh;
    }

    /** More spend in the window than the mean (M 高). */
    public boolean isMonetaryHigh() {
        return monetaryHigh;
    }

    /** 1–5 by quintile, 5 the most recent; 0 for a prospect. */
    public int getRecencyScore() {
        return recencyScore;
    }

    public int getFrequencyScore() {
        return frequencyScore;
    }

    public int getMonetaryScore() {
        return monetaryScore;
    }

    /** Days since the last purchase in the window; null for a prospect. */
    public Integer getRecencyDays() {
        return recencyDays;
    }

    /** Purchases in the window. */
    public int getFrequency() {
        return frequency;
    }

    /** Net spend in the window, yuan. */
    public BigDecimal getMonetary() {
        return monetary;
    }
}
