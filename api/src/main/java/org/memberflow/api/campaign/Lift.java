package org.memberflow.api.campaign;

/**
 * The difference of two conversion rates, treated minus control, with its 95% confidence interval
 * by Newcombe's hybrid score method (Wilson intervals of each rate combined; Newcombe 1998, method
 * 10), which stays inside [-1, 1] and behaves at small counts and rates near 0 or 1, where the
 * textbook Wald interval does not.
 *
 * @param difference treated rate minus control rate
 * @param low        lower bound of the 95% interval of the difference
 * @param high       upper bound
 * @param relative   difference over the control rate (null when the control rate is 0)
 */
public record Lift(double difference, double low, double high, Double relative) {
    static final double Z95 = 1.959963984540054;

    /** Null when either group is empty: there is nothing to compare. */
    public static Lift of(long treatedConverted, long treated, long controlConverted, long control) {
        if (treated == 0 || control == 0) {
            return null;
        }
        double p1 = (double) treatedConverted / treated;
        double p2 = (double) controlConverted / control;
        double[] w1 = wilson(treatedConverted, treated);
        double[] w2 = wilson(controlConverted, control);
        double d = p1 - p2;
        double low = d - Math.sqrt(sq(p1 - w1[0]) + sq(w2[1] - p2));
        double high = d + Math.sqrt(sq(w1[1] - p1) + sq(p2 - w2[0]));
        return new Lift(d, low, high, p2 == 0 ? null : d / p2);
    }

    /** The Wilson score interval of a proportion: {low, high}. */
    static double[] wilson(long successes, long n) {
        double p = (double) successes / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    private static double sq(double x) {
        return x * x;
    }
}
