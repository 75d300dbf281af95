package org.memberflow.rules.fact;

import java.math.BigDecimal;
import org.memberflow.segments.RfmClass;

/**
 * The member's RFM segment (RFM 分层) as of today, and the class it had before this event or
 * sweep. {@code changed} is true when the class is different from the previous one.
 */
public final class Segment {
    private final RfmClass rfmClass;
    private final RfmClass previousClass;
    private final int recencyScore;
    private final int frequencyScore;
    private final int monetaryScore;
    private final Integer recencyDays;
    private final int frequency;
    private final BigDecimal monetary;

    public Segment(RfmClass rfmClass, RfmClass previousClass, int recencyScore, int frequencyScore, int monetaryScore,
            Integer recencyDays, int frequency, BigDecimal monetary) {
        this.rfmClass = rfmClass;
        this.previousClass = previousClass;
        this.recencyScore = recencyScore;
        this.frequencyScore = frequencyScore;
        this.monetaryScore = monetaryScore;
        this.recencyDays = recencyDays;
        this.frequency = frequency;
        this.monetary = monetary;
    }

    public RfmClass getRfmClass() {
        return rfmClass;
    }

    /** The class before; null the first time the member is classed. */
    public RfmClass getPreviousClass() {
        return previousClass;
    }

    public boolean isChanged() {
        return previousClass != null && previousClass != rfmClass;
    }

    /** 1–5, 5 the most recent; 0 for a prospect. */
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

    public int getFrequency() {
        return frequency;
    }

    /** Net spend in the window, yuan. */
    public BigDecimal getMonetary() {
        return monetary;
    }
}
