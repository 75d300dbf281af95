package org.memberflow.segments;

/**
 * A member's scored RFM: the raw values, the 1–5 scores (0 for a prospect), how each of R, F and
 * M compares with the population's mean ("high"), and the class those three comparisons give.
 */
public record RfmScore(RfmValues values, int recencyScore, int frequencyScore, int monetaryScore, boolean recencyHigh,
        boolean frequencyHigh, boolean monetaryHigh, RfmClass rfmClass) {

    /**
     * Scores {@code values} against {@code breakpoints}. "High" R means more recent than the mean
     * (fewer days); F and M are high above their means. A value equal to the mean is low.
     */
    public static RfmScore of(RfmValues values, Breakpoints breakpoints) {
        if (values.isProspect()) {
            return new RfmScore(values, 0, 0, 0, false, false, false, RfmClass.PROSPECT);
        }
        boolean recencyHigh = values.recencyDays() < breakpoints.meanRecency();
        boolean frequencyHigh = values.frequency() > breakpoints.meanFrequency();
        boolean monetaryHigh = values.monetaryFen() > breakpoints.meanMonetaryFen();
        return new RfmScore(values, breakpoints.recencyScore(values.recencyDays()),
                breakpoints.frequencyScore(values.frequency()), breakpoints.monetaryScore(values.monetaryFen()),
                recencyHigh, frequencyHigh, monetaryHigh, RfmClass.of(recencyHigh, frequencyHigh, monetaryHigh));
    }
}
