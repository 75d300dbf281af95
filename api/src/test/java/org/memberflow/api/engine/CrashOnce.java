package org.memberflow.api.engine;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Called from a test rule's consequence: throws the first time after being armed, then never. */
public final class CrashOnce {
    private static final AtomicBoolean ARMED = new AtomicBoolean();
    private static final AtomicInteger CRASHES = new AtomicInteger();

    private CrashOnce() {
    }

    public static void arm() {
        ARMED.set(true);
    }

    public static int crashes() {
        return CRASHES.get();
    }

    public static void crash() {
        if (ARMED.getAndSet(false)) {
            CRASHES.incrementAndGet();
            throw new IllegalStateException("injected crash in the middle of a batch");
        }
    }
}
