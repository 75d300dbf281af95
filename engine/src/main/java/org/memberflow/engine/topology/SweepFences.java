package org.memberflow.engine.topology;

import java.util.TreeSet;

/**
 * Member keys a sweep has passed, every {@code spacing} members, used as the upper bounds
 * of its range reads. Opening a range on the cached member-state store copies every key the
 * record cache holds in that range, so an open-ended read from the cursor costs as much as the
 * cache is large (a fifth of a daily sweep, measured); bounded by the next fence, it costs a
 * few thousand keys. Any key is a correct bound, so fences are kept in memory only, learnt by
 * each sweep and reused by the next; after a restart the first sweep reads open-ended until it
 * has learnt them again.
 */
final class SweepFences {
    /** A fence every 2,000 members, or every chunk if chunks are smaller. */
    static final int SPACING = 2_000;
    /** Enough for 20 million members per task at the usual spacing; beyond it they start over. */
    private static final int MAX_FENCES = 10_000;

    private final TreeSet<String> fences = new TreeSet<>();
    private final int spacing;
    private int sinceFence;

    SweepFences(int sweepChunk) {
        this.spacing = Math.max(1, Math.min(SPACING, sweepChunk));
    }

    /** The first fence after {@code key} (null: from the start), or null if none is known. */
    String after(String key) {
        return key == null ? (fences.isEmpty() ? null : fences.first()) : fences.higher(key);
    }

    /** Called with each member key a sweep passes, in key order. */
    void passed(String key) {
        if (++sinceFence >= spacing) {
            if (fences.size() >= MAX_FENCES) {
                fences.clear();
            }
            fences.add(key);
            sinceFence = 0;
        }
    }

    /** Called when a sweep reaches a known fence, or starts over from the first member. */
    void reached() {
        sinceFence = 0;
    }
}
