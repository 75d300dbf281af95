package org.memberflow.engine.topology;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.memberflow.engine.action.ActionIds;
import org.memberflow.engine.action.CampaignAction;
import org.memberflow.engine.event.EventReader;
import org.memberflow.engine.event.InvalidEventException;
import org.memberflow.rules.decision.Decision;
import org.memberflow.rules.fact.MemberEvent;
import org.memberflow.rules.fact.Today;
import org.memberflow.rules.session.RuleOutcome;
import org.memberflow.rules.session.RuleRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates one record, runs the rules over it and forwards the actions they decide. Anything
 * wrong with the input, or a rule that loops, turns the record into a dead letter: the stream
 * itself never stops because of input.
 */
final class EventProcessor implements Processor<byte[], byte[], byte[], Routed> {
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Logger log = LoggerFactory.getLogger(EventProcessor.class);

    private final EventReader reader = new EventReader();
    private final RuleRunner rules;
    private final Clock clock;
    private ProcessorContext<byte[], Routed> context;

    EventProcessor(RuleRunner rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<byte[], Routed> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        MemberEvent event;
        try {
            event = reader.read(record.value());
            requireKeyIsMember(record.key(), event);
        } catch (InvalidEventException e) {
            deadLetter(record, e.reason(), e.field(), e.getClass());
            return;
        }
        RuleOutcome outcome = rules.evaluate(List.of(event, new Today(today(event))));
        if (outcome.capped()) {
            log.warn("rule firing limit reached on event {}; sent to the dead-letter topic", event.getEventId());
            deadLetter(record, "rule firing limit of " + outcome.firings() + " reached: a rule loops", "",
                    IllegalStateException.class);
            return;
        }
        Instant decidedAt = clock.instant();
        for (Decision d : outcome.decisions()) {
            context.forward(new Record<>(record.key(), new Routed.Action(toAction(d, event, decidedAt)), record.timestamp()));
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

    private LocalDate today(MemberEvent event) {
        ZoneId zone = event.getProfile() != null && event.getProfile().getTimeZone() != null
                ? event.getProfile().getTimeZone() : DEFAULT_ZONE;
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    private CampaignAction toAction(Decision d, MemberEvent event, Instant decidedAt) {
        return new CampaignAction(
                ActionIds.of(d.campaignId(), event.getMemberId(), d.periodKey()),
                event.getBrandId(), event.getMemberId(), d.campaignId(), d.periodKey(), d.type(), d.params(),
                d.rule(), rules.ruleSet().name() + ":" + rules.ruleSet().version(), event.getEventId(),
                decidedAt, null, false);
    }

    private void deadLetter(Record<byte[], byte[]> record, String reason, String field, Class<?> exception) {
        context.forward(new Record<byte[], Routed>(record.key(), new Routed.DeadLetter(record.value()),
                record.timestamp(), DeadLetterHeaders.of(record.headers(), reason, field, exception,
                context.recordMetadata().orElse(null))));
    }
}
