package org.memberflow.segments;

/**
 * A member's raw R, F and M as of one day.
 *
 * @param recencyDays days since the last counted purchase in the window; -1 when there is none
 * @param frequency   purchases in the window (a fully refunded order does not count)
 * @param monetaryFen net spend in the window, in fen (1/100 yuan)
 */
public record RfmValues(int recencyDays, int frequency, long monetaryFen) {
    public static final RfmValues NONE = new RfmValues(-1, 0, 0);

    /** No purchase in the window: a prospect, outside the eight classes. */
    public boolean isProspect() {
        return frequency <= 0 || recencyDays < 0;
    }
}
