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
import org.memberflow.engine.member.RuleLoopException;
import org.memberflow.rules.fact.Tick;
import org.memberflow.segments.MemberCalendar;
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

    /** Where the results of one member's evaluation go. */
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

    Sweeper(KeyValueStore<String, MemberState> members, KeyValueStore<String, SweepCursor> sweeps,
            MemberEvaluator evaluator, BreakpointsLookup breakpoints, EngineOptions options, Clock clock, Emitter emitter) {
        this.members = members;
        this.sweeps = sweeps;
        this.evaluator = evaluator;
        this.breakpoints = breakpoints;
        this.options = options;
        this.clock = clock;
        this.emitter = emitter;
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
        forgetOldSweeps(tick.date());
    }

    /**
     * One slice: at most {@code sweepChunk} members of the first unfinished sweep, and no longer
     * than {@code sweepBudget}, so that events keep flowing while a million members are swept.
     */
    void runSlice() {
        SweepCursor cursor = firstRunning();
        if (cursor == null) {
            return;
        }
        List<KeyValue<String, MemberState>> chunk = nextChunk(cursor);
        Tick tick = new Tick(cursor.job(), cursor.date());
        long timestamp = clock.millis();
        long deadline = System.nanoTime() + options.sweepBudget().toNanos(); // a CPU budget, not business time
        int done = 0;
        for (KeyValue<String, MemberState> member : chunk) {
            evaluate(cursor, tick, member, timestamp);
            done++;
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        boolean finished = chunk.size() < options.sweepChunk() && done == chunk.size();
        String lastKey = done == 0 ? cursor.lastKey() : chunk.get(done - 1).key;
        SweepCursor next = cursor.advance(lastKey, done, finished);
        sweeps.put(key(cursor), next);
        if (finished) {
            log.info("sweep {} for {} done: {} members", cursor.job(), cursor.date(), next.members());
        }
    }

    private void evaluate(SweepCursor cursor, Tick tick, KeyValue<String, MemberState> member, long timestamp) {
        Instant now = options.clockMode() == ClockMode.EVENT
                ? cursor.date().atStartOfDay(MemberCalendar.zoneOrDefault(member.value.timeZone())).toInstant()
                : clock.instant();
        try {
            Evaluation result = evaluator.evaluate(member.key, member.value, null, tick, now,
                    breakpoints.forBrand(member.value.brandId()));
            members.put(member.key, member.value);
            emitter.emit(member.key, result, timestamp);
        } catch (RuleLoopException e) {
            log.error("sweep {} skipped member {}: {}", cursor.job(), member.key, e.getMessage());
        }
    }

    /** Reads the chunk first and closes the iterator: the store is written while processing it. */
    private List<KeyValue<String, MemberState>> nextChunk(SweepCursor cursor) {
        List<KeyValue<String, MemberState>> chunk = new ArrayList<>(Math.min(options.sweepChunk(), 1024));
        try (KeyValueIterator<String, MemberState> it = cursor.lastKey() == null
                ? members.all() : members.range(cursor.lastKey() + '\u0000', null)) {
            while (it.hasNext() && chunk.size() < options.sweepChunk()) {
                chunk.add(it.next());
            }
        }
        return chunk;
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
