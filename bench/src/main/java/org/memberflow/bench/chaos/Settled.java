package org.memberflow.bench.chaos;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.memberflow.engine.Topics;

/**
 * Waits until a cluster has done all it will do with what was sent: the engine has committed every
 * event of member-events, and the action log's rows of the scenario's members stopped growing
 * (at the number the oracle expects, or for long enough that what is missing is missing).
 */
final class Settled {
    /** The engine's consumer group: its application id, the servers' default. */
    static final String ENGINE_GROUP = "memberflow-engine";
    private static final Duration POLL = Duration.ofSeconds(2);
    private static final Duration STALLED = Duration.ofSeconds(45);
    /** The delivery stage publishes on campaign-actions just after its database transaction commits. */
    private static final Duration PUBLISH_GRACE = Duration.ofSeconds(3);

    private Settled() {
    }

    /** Returns whether the action log reached {@code expectedRows} before {@code timeout}. */
    static boolean await(ActionCensus census, String memberPrefix, long expectedRows, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastRows = -1;
        long unchangedSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long lag = census.lag(ENGINE_GROUP, Topics.MEMBER_EVENTS.name());
            long rows = census.actionLogRows(memberPrefix);
            if (rows != lastRows) {
                lastRows = rows;
                unchangedSince = System.nanoTime();
            } else if (lag == 0 && (rows >= expectedRows || System.nanoTime() - unchangedSince > STALLED.toNanos())) {
                LockSupport.parkNanos(PUBLISH_GRACE.toNanos());
                return rows >= expectedRows;
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
        return false;
    }
}
