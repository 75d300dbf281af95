package org.memberflow.engine.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.memberflow.engine.action.CampaignAction;
import org.memberflow.engine.action.CampaignActionSerde;
import org.memberflow.engine.segment.MemberSnapshot;
import org.memberflow.engine.segment.MemberSnapshotSerde;
import org.memberflow.engine.segment.SegmentChange;
import org.memberflow.engine.segment.SegmentChangeSerde;
import org.memberflow.rules.decision.ActionType;

/** Each serde written field by field writes databind's bytes, and reads back what it wrote. */
class StreamingJsonSerdeTest {

    @Test
    void memberSnapshotsAreDatabinds() {
        assertLikeDatabind(new MemberSnapshotSerde(), MemberSnapshot.class, List.of(
                new MemberSnapshot("m-1", "default", "gold", List.of("vip", "引号\"和\\斜杠"), LocalDate.of(1990, 2, 28),
                        "Asia/Shanghai", LocalDate.of(2025, 11, 1), 12, 7, new BigDecimal("1234.50"), 4, 3, 5,
                        "important-value", 880, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 11, 13), 31,
                        new BigDecimal("8899.00"), 3, 120, Instant.parse("2026-11-25T08:30:00.123Z")),
                new MemberSnapshot("m-2", "default", null, List.of(), null, null, null, null, 0, new BigDecimal("0.00"),
                        0, 0, 0, "prospect", 0, null, null, 0, new BigDecimal("0.00"), 0, 1,
                        Instant.parse("2026-11-25T00:00:00Z"))));
    }

    @Test
    void campaignActionsAreDatabinds() {
        assertLikeDatabind(new CampaignActionSerde(), CampaignAction.class, List.of(
                new CampaignAction("a-1", "default", "m-1", "birthday", "2026", ActionType.ISSUE_COUPON,
                        Map.of("couponTemplate", "BDAY-50", "note", "生日快乐 \"引号\" \\ \n"), "birthday gift", "built-in:1",
                        "e-9", Instant.parse("2026-11-25T08:30:00.123456Z"), Instant.parse("2026-11-26T01:00:00Z"),
                        "Asia/Shanghai"),
                new CampaignAction("a-2", "default", "m-2", "rfm", "once", ActionType.TAG_MEMBER, Map.of(), "class change",
                        "built-in:1", null, Instant.parse("2026-11-25T00:00:00.000000001Z"), null, null),
                new CampaignAction(null, null, null, null, null, null, null, null, null, null, null, null, null)));
    }

    @Test
    void segmentChangesAreDatabinds() {
        assertLikeDatabind(new SegmentChangeSerde(), SegmentChange.class, List.of(
                new SegmentChange("m-1", "default", "prospect", "important-value", List.of(), List.of("vip", "高价值\"人群\""),
                        Instant.parse("2026-11-25T08:30:00.120Z")),
                new SegmentChange("m-2", "default", null, "prospect", null, List.of(), Instant.parse("2026-11-25T00:00:00Z")),
                new SegmentChange(null, null, null, null, null, null, null)));
    }

    private static <T> void assertLikeDatabind(StreamingJsonSerde<T> serde, Class<T> type, List<T> values) {
        JsonSerde<T> databind = new JsonSerde<>(type);
        for (T value : values) {
            byte[] bytes = serde.serializer().serialize("topic", value);
            assertThat(new String(bytes)).isEqualTo(new String(databind.toJson(value)));
            assertThat(serde.deserializer().deserialize("topic", bytes)).isEqualTo(value);
        }
    }
}
