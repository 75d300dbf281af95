package org.memberflow.engine.segment;

import org.memberflow.segments.Breakpoints;

/**
 * The contract of {@code rfm-breakpoints} (compacted, key = brandId): quintile cuts and means.
 * Monetary values in fen.
 */
public record BreakpointsRecord(long[] recencyCuts, long[] frequencyCuts, long[] monetaryCuts, double meanRecency,
        double meanFrequency, double meanMonetaryFen) {

    public static BreakpointsRecord of(Breakpoints b) {
        return new BreakpointsRecord(b.recencyCuts(), b.frequencyCuts(), b.monetaryCuts(), b.meanRecency(),
                b.meanFrequency(), b.meanMonetaryFen());
    }

    public Breakpoints toBreakpoints() {
        return new Breakpoints(recencyCuts, frequencyCuts, monetaryCuts, meanRecency, meanFrequency, meanMonetaryFen);
    }
}
