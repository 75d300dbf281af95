package org.memberflow.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.memberflow.engine.action.ActionIds;
import org.memberflow.engine.action.CampaignAction;
import org.memberflow.engine.support.EngineDriver;
import org.memberflow.engine.support.Events;
import org.memberflow.rules.decision.ActionType;

class EngineTopologyTest {
    private static final Instant NOW = Instant.parse("2026-05-20T08:30:00Z");
    private final EngineDriver engine = new EngineDriver(EngineOptions.defaults(), NOW);

    @AfterEach
    void close() {
        engine.close();
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldIssueAWelcomeCouponWithAStableIdWhenAMemberRegisters() {
        engine.send(Events.withId("e1", "m1", "REGISTERED", "2026-05-20T08:00:00Z"));

        TestRecord<String, CampaignAction> out = engine.actions.readRecord();
        CampaignAction action = out.value();
        assertThat(out.key()).isEqualTo("m1");
        assertThat(action.actionId()).isEqualTo(ActionIds.of("welcome", "m1", "once"));
        assertThat(action.type()).isEqualTo(ActionType.ISSUE_COUPON);
        assertThat(action.causeEventId()).isEqualTo("e1");
        assertThat(action.rule()).isEqualTo("welcome coupon");
        assertThat(action.ruleSetVersion()).isEqualTo("built-in:1");
        assertThat(action.decidedAt()).isEqualTo(NOW);
        assertThat(engine.actions.isEmpty()).isTrue();
        assertThat(engine.deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldIssueTheWelcomeCouponOnlyOnceEvenIfTheMemberRegistersAgain() {
        engine.send(Events.registered("m1", "2026-05-20T08:00:00Z", null));
        engine.send(Events.registered("m1", "2026-05-21T08:00:00Z", null));

        assertThat(engine.drainActions()).extracting(CampaignAction::campaignId).containsExactly("welcome");
    }

    @Test
    void shouldIgnoreADuplicateEventCompletely() {
        String event = Events.withId("dup-1", "m1", "REGISTERED", "2026-05-20T08:00:00Z");
        engine.send(event);
        engine.drainActions();
        engine.drainSnapshots();

        engine.send(event);

        assertThat(engine.actions.isEmpty()).isTrue();
        assertThat(engine.snapshots.isEmpty()).isTrue();
        assertThat(engine.memberStore().get("m1")).isNotNull();
    }

    @Test
    void shouldIgnoreADuplicateThatComesAfterOtherEventsOfTheMemberAndOutOfTimeOrder() {
        String purchase = "{\"eventId\":\"p-1\",\"memberId\":\"m1\",\"type\":\"PURCHASE\","
                + "\"occurredAt\":\"2026-05-01T08:00:00Z\",\"orderId\":\"o-1\",\"amount\":10.00}";
        engine.send(Events.withId("r-1", "m1", "REGISTERED", "2026-04-01T08:00:00Z"));
        engine.send(purchase);
        for (int i = 0; i < 14; i++) {
            engine.send(Events.withId("c-" + i, "m1", "CHECK_IN", "2026-05-" + (10 + i) + "T08:00:00Z"));
        }
        engine.drainSnapshots();

        engine.send(purchase); // 15 newer events since, and its time is older than theirs

        assertThat(engine.snapshots.isEmpty()).isTrue();
        assertThat(engine.memberStore().get("m1").purchases().rfm(java.time.LocalDate.of(2026, 5, 20), 365).frequency())
                .isEqualTo(1);
    }

    @Test
    void shouldSendAMalformedRecordToTheDeadLetterTopicWithReasonAndSourceAndKeepGoing() {
        engine.send("m1", "{not json");
        engine.send(Events.registered("m2", "2026-05-20T08:00:00Z", null));

        TestRecord<byte[], byte[]> dead = engine.deadLetters.readRecord();
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(header(dead.headers(), DeadLetterHeaders.REASON)).startsWith("not valid JSON");
        assertThat(header(dead.headers(), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("member-events");
        assertThat(header(dead.headers(), DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(header(dead.headers(), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(header(dead.headers(), DeadLetterHeaders.EXCEPTION)).endsWith("InvalidEventException");
        assertThat(engine.drainActions()).extracting(CampaignAction::memberId).containsExactly("m2");
    }

    @Test
    void shouldDeadLetterEveryKindOfBadRecord() {
        String good = Events.registered("m1", "2026-05-20T08:00:00Z", null);
        engine.sendRaw(null, good.getBytes(StandardCharsets.UTF_8));
        engine.send("m9", good);
        engine.send("m1", "{\"eventId\":\"e3\",\"memberId\":\"m1\",\"type\":\"TELEPORT\",\"occurredAt\":\"2026-05-20T08:00:00Z\"}");
        engine.sendRaw("m1".getBytes(StandardCharsets.UTF_8), new byte[1024 * 1024]);
        engine.sendRaw("m1".getBytes(StandardCharsets.UTF_8), new byte[] {'{', (byte) 0xFF, '}'});

        assertThat(engine.deadLetters.readRecordsToList())
                .extracting(r -> header(r.headers(), DeadLetterHeaders.REASON))
                .satisfiesExactly(
                        r -> assertThat(r).contains("no key"),
                        r -> assertThat(r).contains("does not match the record key"),
                        r -> assertThat(r).contains("unknown event type 'TELEPORT'"),
                        r -> assertThat(r).contains("1048576 bytes"),
                        r -> assertThat(r).contains("UTF-8"));
        assertThat(engine.actions.isEmpty()).isTrue();
        assertThat(engine.memberStore().get("m1")).isNull();
    }

    /** A record near the topic's 1 MiB limit once killed the stream thread: its dead letter was too large to send. */
    @Test
    void shouldKeepADeadLetterSmallWhateverTheRecordsSize() {
        byte[] key = "k".repeat(5000).getBytes(StandardCharsets.UTF_8);
        byte[] value = new byte[1024 * 1024];
        java.util.Arrays.fill(value, (byte) 'x');
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace", "t-1".getBytes(StandardCharsets.UTF_8));
        engine.sendRaw("m1".getBytes(StandardCharsets.UTF_8), value, headers);
        RecordHeaders huge = new RecordHeaders();
        huge.add("blob", new byte[100_000]);
        engine.sendRaw(key, "{not json".getBytes(StandardCharsets.UTF_8), huge);

        List<TestRecord<byte[], byte[]>> dead = engine.deadLetters.readRecordsToList();
        assertThat(dead.get(0).value()).hasSize(64 * 1024).startsWith((byte) 'x');
        assertThat(header(dead.get(0).headers(), DeadLetterHeaders.ORIGINAL_VALUE_BYTES)).isEqualTo("1048576");
        assertThat(header(dead.get(0).headers(), "trace")).isEqualTo("t-1");
        assertThat(header(dead.get(0).headers(), DeadLetterHeaders.REASON)).contains("1048576 bytes");
        assertThat(dead.get(1).key()).hasSize(1024);
        assertThat(header(dead.get(1).headers(), DeadLetterHeaders.ORIGINAL_KEY_BYTES)).isEqualTo("5000");
        assertThat(header(dead.get(1).headers(), DeadLetterHeaders.ORIGINAL_HEADER_BYTES)).isEqualTo("100004");
        assertThat(dead.get(1).headers().lastHeader("blob")).isNull();
        assertThat(header(dead.get(1).headers(), DeadLetterHeaders.REASON)).startsWith("not valid JSON");
    }
}
