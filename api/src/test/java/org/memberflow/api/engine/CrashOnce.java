package org.memberflow.api.engine;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.memberflow.rules.session.RuleOutcome;
import org.memberflow.rules.session.Rules;

/**
 * Rules with a crash injected: the first unit of work that matches after {@link #arm()} throws,
 * then none. Not a rule failure (which the engine turns into a dead letter) but a failure it
 * does not expect, which kills the stream thread mid-batch, as a bug or a lost broker would.
 */
final class CrashOnce implements Rules {
    private static final AtomicBoolean ARMED = new AtomicBoolean();
    private static final AtomicInteger CRASHES = new AtomicInteger();

    private final Rules rules;
    private final Predicate<Collection<?>> where;

    CrashOnce(Rules rules, Predicate<Collection<?>> where) {
        this.rules = rules;
        this.where = where;
    }

    static void arm() {
        ARMED.set(true);
    }

    static int crashes() {
        return CRASHES.get();
    }

    @Override
    public RuleOutcome evaluate(Collection<?> facts) {
        if (where.test(facts) && ARMED.getAndSet(false)) {
            CRASHES.incrementAndGet();
            throw new IllegalStateException("injected crash in the middle of a batch");
        }
        return rules.evaluate(facts);
    }

    @Override
    public String version() {
        return rules.version();
    }
}
