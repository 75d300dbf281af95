package org.memberflow.bench.chaos;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One local stack (broker, MariaDB, Redis) per test JVM for every fault scenario's small form:
 * starting one takes longer than most scenarios. Each scenario keeps to members of its own (ids with
 * a prefix of their own), so they can share it. Stopped at JVM exit.
 */
public final class SharedStackExtension implements BeforeAllCallback {
    private static ChaosStack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        stack();
    }

    /** This JVM's stack, started on first use. */
    public static synchronized ChaosStack stack() {
        if (stack == null) {
            ChaosStack started = ChaosStack.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "chaos-stack-stop"));
            stack = started;
        }
        return stack;
    }
}
