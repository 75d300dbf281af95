package org.memberflow.engine.topology;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.memberflow.engine.Topics;
import org.memberflow.engine.clock.ClockMode;
import org.memberflow.engine.clock.TickRecord;
import org.memberflow.engine.event.EventReader;
import org.memberflow.engine.event.InvalidEventException;
import org.memberflow.engine.member.Evaluation;
import org.memberflow.engine.member.EventFolder;
import org.memberflow.engine.member.MemberEvaluator;
import org.memberflow.engine.member.MemberState;
import org.memberflow.rules.fact.MemberEvent;
import org.memberflow.rules.session.RuleFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's one processor, per task: member events (validate → dedupe → fold into the
 * member's state → evaluate → emit) and engine-clock ticks (start a sweep, which
 * {@link Sweeper} runs in slices). Bad input becomes a dead letter; the stream never stops
 * because of input.
 */
final class MemberProcessor implements Processor<byte[], byte[], byte[], Routed> {
    private static final Logger log = LoggerFactory.getLogger(MemberProcessor.class);

    private final EventReader reader = new EventReader();
    private final MemberEvaluator evaluator;
    private final EngineOptions options;
    private final Clock clock;
    private final EngineMeters meters;
    private ProcessorContext<byte[], Routed> context;
    private KeyValueStore<String, MemberState> members;
    private final BreakpointsLookup breakpoints;
    private Sweeper sweeper;

    MemberProcessor(MemberEvaluator evaluator, BreakpointsLookup breakpoints, EngineOptions options, Clock clock,
            EngineMeters meters) {
        this.evaluator = evaluator;
        this.meters = meters;
        this.breakpoints = breakpoints;
        this.options = options;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<byte[], Routed> context) {
        this.context = context;
        members = context.getStateStore(EngineStores.MEMBER_STATE);
        sweeper = new Sweeper(members, context.getStateStore(EngineStores.SWEEPS), evaluator, breakpoints, options, clock,
                meters, (memberId, result, timestamp) -> emit(memberId, result, timestamp, result.snapshotChanged()));
        context.schedule(options.sweepInterval(), PunctuationType.WALL_CLOCK_TIME, ts -> sweeper.runSlice());
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse(Topics.MEMBER_EVENTS.name());
        if (topic.equals(Topics.ENGINE_CLOCK.name())) {
            onTick(record);
        } else {
            onEvent(record);
        }
    }

    private void onTick(Record<byte[], byte[]> record) {
        TickRecord tick;
        try {
            tick = Topics.ENGINE_CLOCK.valueSerde().deserializer().deserialize(Topics.ENGINE_CLOCK.name(), record.value());
        } catch (RuntimeException e) {
            log.error("ignoring an unreadable tick on engine-clock: {}", e.getMessage());
            return;
        }
        if (tick == null || tick.job() == null || tick.date() == null) {
            log.error("ignoring a tick without job or date");
            return;
        }
        sweeper.start(tick);
    }

    private void onEvent(Record<byte[], byte[]> record) {
        MemberEvent event;
        try {
            event = reader.read(record.value());
            requireKeyIsMember(record.key(), event);
        } catch (InvalidEventException e) {
            deadLetter(record, e.reason(), e.field(), e.getClass());
            return;
        }
        String memberId = event.getMemberId();
        MemberState state = members.get(memberId);
        if (state == null) {
            state = MemberState.newMember(event.getBrandId());
        } else if (state.hasSeen(event.getEventId())) {
            meters.duplicate();
            return; // a duplicate changes nothing and emits nothing
        }
        state.recordSeen(event.getEventId());
        EventFolder.apply(state, event);
        Instant now = options.clockMode() == ClockMode.EVENT ? event.getOccurredAt() : clock.instant();
        Evaluation result;
        try {
            result = evaluator.evaluate(memberId, state, event, null, now, breakpoints.forBrand(state.brandId()));
        } catch (RuleFailedException e) {
            // Not applied and not marked seen: once the rules are fixed, the dead letter can be replayed.
            deadLetter(record, e.getMessage(), "", e.getClass());
            return;
        }
        members.put(memberId, state);
        meters.processed();
        emit(memberId, result, record.timestamp(), true);
    }

    /** Sends on what one evaluation produced, keyed by member; an event always sends its snapshot. */
    private void emit(String memberId, Evaluation result, long timestamp, boolean snapshot) {
        meters.fired(result.firedRules());
        byte[] key = memberId.getBytes(StandardCharsets.UTF_8);
        for (var action : result.actions()) {
            context.forward(new Record<>(key, new Routed.Action(action), timestamp));
        }
        if (result.segmentChange() != null) {
            context.forward(new Record<>(key, new Routed.SegmentMove(result.segmentChange()), timestamp));
        }
        if (snapshot) {
            context.forward(new Record<>(key, new Routed.Snapshot(result.snapshot()), timestamp));
        }
    }

    private static void requireKeyIsMember(byte[] key, MemberEvent event) throws InvalidEventException {
        if (key == null) {
            throw new InvalidEventException("", "the record has no key; the key must be the memberId");
        }
        if (!event.getMemberId().equals(new String(key, StandardCharsets.UTF_8))) {
            throw new InvalidEventException("/memberId", "does not match the record key");
        }
    }

    private void deadLetter(Record<byte[], byte[]> record, String reason, String field, Class<?> exception) {
        meters.deadLettered(exception);
        // Bounded: a record near the topic's 1 MiB limit would be too large to send on (BoundedDeadLetter).
        Headers kept = BoundedDeadLetter.headers(record.key(), record.value(), record.headers());
        context.forward(new Record<byte[], Routed>(BoundedDeadLetter.key(record.key()),
                new Routed.DeadLetter(BoundedDeadLetter.value(record.value())), record.timestamp(),
                DeadLetterHeaders.of(kept, reason, field, exception, context.recordMetadata().orElse(null))));
    }
}
