package org.memberflow.segments;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * What R, F and M are compared with: four ascending quintile cuts per dimension (for the 1–5
 * scores) and the population means (for high/low in the eight classes). Recomputed nightly from
 * the members with a purchase in the window; until then {@link #defaults()}.
 */
public final class Breakpoints {
    private final long[] recencyCuts;
    private final long[] frequencyCuts;
    private final long[] monetaryCuts;
    private final double meanRecency;
    private final double meanFrequency;
    private final double meanMonetaryFen;

    public Breakpoints(long[] recencyCuts, long[] frequencyCuts, long[] monetaryCuts, double meanRecency,
            double meanFrequency, double meanMonetaryFen) {
        this.recencyCuts = checkedCuts(recencyCuts, "recency");
        this.frequencyCuts = checkedCuts(frequencyCuts, "frequency");
        this.monetaryCuts = checkedCuts(monetaryCuts, "monetary");
        this.meanRecency = meanRecency;
        this.meanFrequency = meanFrequency;
        this.meanMonetaryFen = meanMonetaryFen;
    }

    /**
     * Reasonable values for a retail brand before any nightly computation: recency 30/90/180/270
     * days, frequency 1/2/4/8 purchases, spend 100/300/800/2000 yuan; means 120 days, 3 purchases,
     * 600 yuan.
     */
    public static Breakpoints defaults() {
        return new Breakpoints(new long[] {30, 90, 180, 270}, new long[] {1, 2, 4, 8},
                new long[] {10_000, 30_000, 80_000, 200_000}, 120, 3, 60_000);
    }

    /**
     * Quintile cuts (nearest rank: the 20th, 40th, 60th and 80th percentile values) and means over
     * the members who purchased in the window; prospects are left out. With nobody to learn from,
     * the defaults.
     */
    public static Breakpoints fromPopulation(Collection<RfmValues> members) {
        List<RfmValues> buyers = members.stream().filter(v -> !v.isProspect()).toList();
        if (buyers.isEmpty()) {
            return defaults();
        }
        long[] r = buyers.stream().mapToLong(RfmValues::recencyDays).sorted().toArray();
        long[] f = buyers.stream().mapToLong(RfmValues::frequency).sorted().toArray();
        long[] m = buyers.stream().mapToLong(RfmValues::monetaryFen).sorted().toArray();
        return new Breakpoints(quintiles(r), quintiles(f), quintiles(m), mean(r), mean(f), mean(m));
    }

    private static long[] quintiles(long[] sorted) {
        long[] cuts = new long[4];
        for (int k = 1; k <= 4; k++) {
            int rank = (int) Math.ceil(k * sorted.length / 5.0); // 1-based nearest rank
            cuts[k - 1] = sorted[Math.max(rank, 1) - 1];
        }
        return cuts;
    }

    private static double mean(long[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    private static long[] checkedCuts(long[] cuts, String name) {
        if (cuts == null || cuts.length != 4) {
            throw new IllegalArgumentException(name + " needs exactly four cuts");
        }
        for (int i = 1; i < 4; i++) {
            if (cuts[i] < cuts[i - 1]) {
                throw new IllegalArgumentException(name + " cuts must not descend");
            }
        }
        return cuts.clone();
    }

    public long[] recencyCuts() {
        return recencyCuts.clone();
    }

    public long[] frequencyCuts() {
        return frequencyCuts.clone();
    }

    public long[] monetaryCuts() {
        return monetaryCuts.clone();
    }

    public double meanRecency() {
        return meanRecency;
    }

    public double meanFrequency() {
        return meanFrequency;
    }

    public double meanMonetaryFen() {
        return meanMonetaryFen;
    }

    /** 1–5: a value at or below the first cut scores 1, above the fourth scores 5. */
    static int ascendingScore(long value, long[] cuts) {
        int above = 0;
        for (long cut : cuts) {
            if (value > cut) {
                above++;
            }
        }
        return 1 + above;
    }

    int recencyScore(int recencyDays) {
        return 6 - ascendingScore(recencyDays, recencyCuts); // fewer days is better
    }

    int frequencyScore(int frequency) {
        return ascendingScore(frequency, frequencyCuts);
    }

    int monetaryScore(long monetaryFen) {
        return ascendingScore(monetaryFen, monetaryCuts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Breakpoints b && Arrays.equals(recencyCuts, b.recencyCuts)
                && Arrays.equals(frequencyCuts, b.frequencyCuts) && Arrays.equals(monetaryCuts, b.monetaryCuts)
                && meanRecency == b.meanRecency && meanFrequency == b.meanFrequency
                && meanMonetaryFen == b.meanMonetaryFen;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(recencyCuts) * 31 + Arrays.hashCode(monetaryCuts) + Double.hashCode(meanMonetaryFen);
    }

    @Override
    public String toString() {
        return "Breakpoints[R" + Arrays.toString(recencyCuts) + " F" + Arrays.toString(frequencyCuts) + " M"
                + Arrays.toString(monetaryCuts) + " means " + meanRecency + "/" + meanFrequency + "/" + meanMonetaryFen
                + "]";
    }
}
