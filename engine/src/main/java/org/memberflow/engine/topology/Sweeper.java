package org.memberflow.engine.topology;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.memberflow.engine.clock.ClockMode;
import org.memberflow.engine.clock.TickRecord;
import org.memberflow.engine.member.Evaluation;
import org.memberflow.engine.member.MemberEvaluator;
import org.memberflow.engine.member.MemberState;
import org.memberflow.rules.fact.Tick;
import org.memberflow.segments.MemberCalendar;
import org.memberflow.rules.session.RuleFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Time-based campaigns: a tick starts a sweep over this task's members; each punctuation walks
 * the next chunk (in key order, from a cursor kept in the sweeps store) and evaluates every
 * member with the tick as a fact. The cursor commits with the actions, so a crash resumes where
 * it stopped; a tick already started or done is ignored, so the same tick twice does nothing twice.
 */
final class Sweeper {
    /** Finished sweeps are remembered this long, to ignore late duplicates of their tick. */
    private static final int KEEP_DONE_DAYS = 35;
    private static final Logger log = LoggerFactory.getLogger(Sweeper.class);

    /** Where the results of one member's evaluation go: actions, a class move, a changed snapshot. */
    interface Emitter {
        void emit(String memberId, Evaluation result, long timestamp);
    }

    private final KeyValueStore<String, MemberState> members;
    private final KeyValueStore<String, SweepCursor> sweeps;
    private final MemberEvaluator evaluator;
    private final BreakpointsLookup breakpoints;
    private final EngineOptions options;
    private final Clock clock;
    private final Emitter emitter;
    private final EngineMeters meters;
    private final SweepFences fences;
    /**
     * False once no sweep is left, so that an idle slice (every 10 ms per task) costs no store
     * read; sweeps begin only through {@link #start}, and it starts true for what was restored.
     */
    private boolean maybeRunning = true;

    Sweeper(KeyValueStore<String, MemberState> members, KeyValueStore<String, SweepCursor> sweeps,
            MemberEvaluator evaluator, BreakpointsLookup breakpoints, EngineOptions options, Clock clock,
            EngineMeters meters, Emitter emitter) {
        this.meters = meters;
        this.members = members;
        this.sweeps = sweeps;
        this.evaluator = evaluator;
        this.breakpoints = breakpoints;
        this.options = options;
        this.clock = clock;
        this.emitter = emitter;
        this.fences = new SweepFences(options.sweepChunk());
    }

    void start(TickRecord tick) {
        if (sweeps.get(tick.sweepKey()) != null) {
            return; // started or done already
        }
        if (options.clockMode() == ClockMode.WALL
                && tick.date().isBefore(LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).minusDays(1))) {
            // A fresh application replaying engine-clock from offset 0 would otherwise rerun every
            // past sweep against today's state. Replaying history is what the event clock is for.
            log.info("ignoring the stale tick {} for {}", tick.job(), tick.date());
            return;
        }
        sweeps.put(tick.sweepKey(), SweepCursor.start(tick.job(), tick.date()));
        maybeRunning = true;
        forgetOldSweeps(tick.date());
    }

    /**
     * One slice: at most {@code sweepChunk} members of the first unfinished sweep, and no longer
     * than {@code sweepBudget}, so that events keep flowing while a million members are swept.
     *
     * <p>Members are read in ranges bounded by {@link SweepFences}. Nothing is written to the
     * store while a range is open (a write can evict a dirty cache entry ahead of the iterator,
     * which would then read that member's older value), so changed states are written back at
     * the end of the slice.
     */
    void runSlice() {
        if (!maybeRunning) {
            return;
        }
        SweepCursor cursor = firstRunning();
        if (cursor == null) {
            maybeRunning = false;
            return;
        }
        Tick tick = new Tick(cursor.job(), cursor.date());
        long timestamp = clock.millis();
        long deadline = System.nanoTime() + options.sweepBudget().toNanos(); // a CPU budget, not business time
        String lastKey = cursor.lastKey();
        if (lastKey == null) {
            fences.reached();
        }
        int done = 0;
        boolean finished = false;
        List<KeyValue<String, MemberState>> changed = new ArrayList<>();
        while (done < options.sweepChunk() && System.nanoTime() < deadline) {
            String fence = fences.after(lastKey);
            boolean exhausted;
            try (KeyValueIterator<String, MemberState> it = members.range(
                    lastKey == null ? null : lastKey + '\u0000', fence)) {
                while (it.hasNext() && done < options.sweepChunk() && System.nanoTime() < deadline) {
                    KeyValue<String, MemberState> member = it.next();
                    if (evaluate(cursor, tick, member, timestamp)) {
                        changed.add(member);
                    }
                    done++;
                    lastKey = member.key;
                    fences.passed(member.key);
                }
                exhausted = !it.hasNext();
            }
            if (!exhausted) {
                break;
            }
            if (fence == null) {
                finished = true;
                break;
            }
            lastKey = fence; // every key up to the fence is done, whether or not the fence is a member
            fences.reached();
        }
        changed.forEach(member -> members.put(member.key, member.value));
        meters.swept(cursor.job(), done);
        SweepCursor next = cursor.advance(lastKey, done, finished);
        sweeps.put(key(cursor), next);
        if (finished) {
            log.info("sweep {} for {} done: {} members", cursor.job(), cursor.date(), next.members());
        }
    }

    /**
     * Evaluates one member and emits what it produced; returns whether its state changed. Most
     * members are the same after a tick as before it but for the day count: their state is not
     * written back and their snapshot not sent, which was most of what a sweep used to cost.
     */
    private boolean evaluate(SweepCursor cursor, Tick tick, KeyValue<String, MemberState> member, long timestamp) {
        Instant now = options.clockMode() == ClockMode.EVENT
                ? cursor.date().atStartOfDay(MemberCalendar.zoneOrDefault(member.value.timeZone())).toInstant()
                : clock.instant();
        try {
            Evaluation result = evaluator.evaluate(member.key, member.value, null, tick, now,
                    breakpoints.forBrand(member.value.brandId()));
            emitter.emit(member.key, result, timestamp);
            return result.stateChanged();
        } catch (RuleFailedException e) {
            log.error("sweep {} skipped member {}: {}", cursor.job(), member.key, e.getMessage());
            return false;
        }
    }

    private SweepCursor firstRunning() {
        try (KeyValueIterator<String, SweepCursor> it = sweeps.all()) {
            while (it.hasNext()) {
                SweepCursor c = it.next().value;
                if (!c.done()) {
                    return c;
                }
            }
        }
        return null;
    }

    private void forgetOldSweeps(LocalDate today) {
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, SweepCursor> it = sweeps.all()) {
            while (it.hasNext()) {
                KeyValue<String, SweepCursor> e = it.next();
                if (e.value.done() && e.value.date().isBefore(today.minusDays(KEEP_DONE_DAYS))) {
                    old.add(e.key);
                }
            }
        }
        old.forEach(sweeps::delete);
    }

    private static String key(SweepCursor c) {
        return new TickRecord(c.job(), c.date()).sweepKey();
    }
}
