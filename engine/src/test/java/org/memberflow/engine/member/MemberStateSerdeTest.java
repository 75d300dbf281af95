package org.memberflow.engine.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.memberflow.rules.fact.EventType;
import org.memberflow.rules.fact.MemberEvent;
import org.memberflow.rules.fact.Profile;
import org.memberflow.segments.RfmClass;

class MemberStateSerdeTest {
    private final MemberStateSerde serde = new MemberStateSerde();

    /**
     * A typical member of a year's history: a profile, 24 purchases, six lots of points, ten
     * check-ins, four campaigns acted on, and the ids of the 16 most recent events.
     */
    static MemberState typicalMember() {
        MemberState s = MemberState.newMember("default");
        Instant t = Instant.parse("2025-07-01T02:00:00Z");
        EventFolder.apply(s, MemberEvent.builder("e0", "m", EventType.REGISTERED, t)
                .profile(new Profile(LocalDate.of(1988, 2, 29), ZoneId.of("Asia/Shanghai"), "gold", "13800000000",
                        List.of("vip", "coffee"))).build());
        for (int i = 0; i < 24; i++) {
            Instant at = t.plusSeconds(86_400L * (i * 15 % 300) + i);
            EventFolder.apply(s, MemberEvent.builder("p" + i, "m", EventType.PURCHASE, at).orderId("ORD-2025-" + (100000 + i))
                    .amount(new BigDecimal("88.80")).build());
        }
        for (int i = 0; i < 6; i++) {
            EventFolder.apply(s, MemberEvent.builder("pt" + i, "m", EventType.POINTS_EARNED, t.plusSeconds(86_400L * i * 40))
                    .points(120L + i).lotId("lot-" + i).expiresAt(t.plusSeconds(86_400L * (365 + i * 40))).build());
        }
        for (int i = 0; i < 10; i++) {
            EventFolder.apply(s, MemberEvent.builder("c" + i, "m", EventType.CHECK_IN, t.plusSeconds(86_400L * (300 + i))).build());
        }
        for (int i = 0; i < 41; i++) {
            s.recordSeen("evt-2025-" + (1_000_000 + i));
        }
        s.recordActed("welcome", "once");
        s.recordActed("birthday", "2026");
        s.recordActed("churn-recall", "2025-09-01");
        s.recordActed("points-expiry", "lot-0");
        s.rfmClass = RfmClass.IMPORTANT_VALUE;
        return s;
    }

    @Test
    void shouldRoundTripEveryField() {
        MemberState s = typicalMember();
        byte[] bytes = serde.write(s);
        MemberState back = serde.read(bytes);

        assertThat(serde.write(back)).isEqualTo(bytes);
        assertThat(back.birthday).isEqualTo(LocalDate.of(1988, 2, 29));
        assertThat(back.tier).isEqualTo("gold");
        assertThat(back.lots).isEqualTo(s.lots);
        assertThat(back.orders).isEqualTo(s.orders);
        assertThat(back.rfmClass).isEqualTo(RfmClass.IMPORTANT_VALUE);
        assertThat(back.hasActed("birthday", "2026")).isTrue();
        assertThat(back.recentEventIds).containsExactlyElementsOf(s.recentEventIds).hasSize(MemberState.MAX_RECENT_EVENTS);
        assertThat(back.hasSeen("evt-2025-1000040")).isTrue();
        assertThat(back.hasSeen("evt-2025-1000000")).isFalse();
        assertThat(back.purchases().rfm(LocalDate.of(2026, 6, 1), 365))
                .isEqualTo(s.purchases().rfm(LocalDate.of(2026, 6, 1), 365));
    }

    @Test
    void shouldKeepATypicalMemberUnderOneKibibyte() {
        int bytes = serde.write(typicalMember()).length;
        System.out.println("typical member state: " + bytes + " bytes"); // 543, 672 with the event ids (2026-11-24), 680 with the digest
        assertThat(bytes).isLessThanOrEqualTo(1024);
    }

    @Test
    void shouldReadAVersionOneRecordWithNoRecentEventIds() {
        MemberState s = typicalMember();
        s.recentEventIds.clear();
        byte[] v3 = serde.write(s);
        byte[] v1 = java.util.Arrays.copyOf(v3, v3.length - 9); // version 1 ends before the id count
        v1[0] = 1;

        MemberState back = serde.read(v1);

        assertThat(serde.write(back)).isEqualTo(v3);
    }

    @Test
    void shouldReadAVersionTwoRecordWithNoSnapshotDigest() {
        MemberState s = typicalMember();
        byte[] v3 = serde.write(s);
        s.snapshotDigest = 0x1234_5678_9abc_def0L;
        byte[] v2 = java.util.Arrays.copyOf(v3, v3.length - 8); // version 2 ends after the event ids
        v2[0] = 2;

        MemberState back = serde.read(v2);

        assertThat(back.snapshotDigest).isZero();
        assertThat(serde.write(back)).isEqualTo(v3);
        assertThat(serde.read(serde.write(s)).snapshotDigest).isEqualTo(0x1234_5678_9abc_def0L);
    }

    @Test
    void shouldRoundTripAnEmptyMember() {
        MemberState s = MemberState.newMember("b");
        assertThat(serde.write(serde.read(serde.write(s)))).isEqualTo(serde.write(s));
    }

    @Test
    void shouldRefuseAnUnknownVersionAndTruncatedBytes() {
        byte[] bytes = serde.write(typicalMember());
        byte[] future = bytes.clone();
        future[0] = 99;
        assertThatThrownBy(() -> serde.read(future)).hasMessageContaining("version 99");
        assertThatThrownBy(() -> serde.read(java.util.Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
