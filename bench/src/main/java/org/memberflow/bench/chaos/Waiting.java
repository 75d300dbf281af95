package org.memberflow.bench.chaos;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.awaitility.core.ConditionTimeoutException;

/** Waits for a scenario's outcome without failing it: a promise not kept in time is a figure, not an exception. */
final class Waiting {
    private Waiting() {
    }

    /** True once {@code condition} holds, false if it did not within {@code limit}. */
    static boolean until(Duration limit, Callable<Boolean> condition) {
        try {
            await().atMost(limit).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /** Lets {@code duration} pass (the scenario's load runs meanwhile). */
    static void pause(Duration duration) {
        await().pollDelay(duration).atMost(duration.plusSeconds(5)).until(() -> true);
    }
}
