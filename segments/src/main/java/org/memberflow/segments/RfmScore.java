package org.memberflow.segments;

/**
 * A member's scored RFM: the raw values, the 1–5 scores (0 for a prospect) and the class.
 */
public record RfmScore(RfmValues values, int recencyScore, int frequencyScore, int monetaryScore, RfmClass rfmClass) {

    /**
     * Scores {@code values} against {@code breakpoints}. "High" R means more recent than the mean
     * (fewer days); F and M are high above their means. A value equal to the mean is low.
     */
    public static RfmScore of(RfmValues values, Breakpoints breakpoints) {
        if (values.isProspect()) {
            return new RfmScore(values, 0, 0, 0, RfmClass.PROSPECT);
        }
        RfmClass rfmClass = RfmClass.of(
                values.recencyDays() < breakpoints.meanRecency(),
                values.frequency() > breakpoints.meanFrequency(),
                values.monetaryFen() > breakpoints.meanMonetaryFen());
        return new RfmScore(values, breakpoints.recencyScore(values.recencyDays()),
                breakpoints.frequencyScore(values.frequency()), breakpoints.monetaryScore(values.monetaryFen()), rfmClass);
    }
}
