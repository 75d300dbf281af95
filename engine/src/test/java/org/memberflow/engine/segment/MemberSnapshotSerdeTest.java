package org.memberflow.engine.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.memberflow.engine.json.JsonSerde;

class MemberSnapshotSerdeTest {
    private final JsonSerde<MemberSnapshot> databind = new JsonSerde<>(MemberSnapshot.class);
    private final MemberSnapshotSerde serde = new MemberSnapshotSerde();

    private static MemberSnapshot full() {
        return new MemberSnapshot("m-1", "default", "gold", List.of("vip", "引号\"和\\斜杠"), LocalDate.of(1990, 2, 28),
                "Asia/Shanghai", LocalDate.of(2025, 11, 1), 12, 7, new BigDecimal("1234.50"), 4, 3, 5, "important-value",
                880, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 11, 13), 31, new BigDecimal("8899.00"), 3, 120,
                Instant.parse("2026-11-25T08:30:00.123Z"));
    }

    private static MemberSnapshot prospect() {
        return new MemberSnapshot("m-2", "default", null, List.of(), null, null, null, null, 0, new BigDecimal("0.00"),
                0, 0, 0, "prospect", 0, null, null, 0, new BigDecimal("0.00"), 0, 1, Instant.parse("2026-11-25T00:00:00Z"));
    }

    @Test
    void shouldWriteTheSameBytesAsDatabind() {
        for (MemberSnapshot s : List.of(full(), prospect())) {
            assertThat(new String(MemberSnapshotSerde.toJson(s))).isEqualTo(new String(databind.toJson(s)));
        }
    }

    @Test
    void shouldReadBackWhatItWrites() {
        for (MemberSnapshot s : List.of(full(), prospect())) {
            byte[] bytes = serde.serializer().serialize("member-snapshots", s);
            assertThat(serde.deserializer().deserialize("member-snapshots", bytes)).isEqualTo(s);
        }
    }
}
