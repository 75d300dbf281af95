package org.memberflow.bench.report;

/**
 * How far a figure moved while it was measured: the measured window is cut into equal slices and
 * the noise is half the range of their rates, relative to the whole window's rate; a figure
 * measured in rounds takes the spread of the rounds where it is larger. A rerun on the same
 * machine should land within it (the machines are shared; load from elsewhere shows up here).
 */
public final class Noise {
    /** Slices a measured window is cut into. */
    public static final int SLICES = 4;

    private Noise() {
    }

    /** Half the range of {@code sliceRates} relative to their mean; NaN when fewer than two. */
    public static double of(double... sliceRates) {
        if (sliceRates.length < 2) {
            return Double.NaN;
        }
        double min = Double.MAX_VALUE;
        double max = 0;
        double sum = 0;
        for (double r : sliceRates) {
            min = Math.min(min, r);
            max = Math.max(max, r);
            sum += r;
        }
        double mean = sum / sliceRates.length;
        return mean <= 0 ? Double.NaN : (max - min) / 2 / mean;
    }

    /** The relative noise of a ratio of two figures with independent noises. */
    public static double ofRatio(double a, double b) {
        return Math.sqrt(a * a + b * b);
    }

    /** " ± 0.01" for {@code ratio} with relative noise {@code noise}, or nothing when unknown. */
    public static String plusMinus(double ratio, double noise) {
        return Double.isNaN(noise) ? "" : String.format(java.util.Locale.ROOT, " ± %.2f", ratio * noise);
    }

    /** " (± 7%)" for a relative noise, or nothing when unknown. */
    public static String percent(double noise) {
        return Double.isNaN(noise) ? "" : String.format(java.util.Locale.ROOT, " (± %.0f%%)", noise * 100);
    }
}
