package org.memberflow.rules.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.memberflow.rules.builtin.BuiltIns.imported;
import static org.memberflow.rules.builtin.BuiltIns.member;
import static org.memberflow.rules.builtin.BuiltIns.of;
import static org.memberflow.rules.builtin.BuiltIns.run;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.memberflow.rules.decision.ActionType;
import org.memberflow.rules.decision.Decision;
import org.memberflow.rules.fact.CampaignHistory;
import org.memberflow.rules.fact.EventType;
import org.memberflow.rules.fact.MemberEvent;
import org.memberflow.rules.fact.Segment;
import org.memberflow.rules.fact.Today;
import org.memberflow.segments.RfmClass;

/** RFM 分层变化: rfm-class-change.drl, tags the member with the new class when the class changes. */
class RfmClassChangeCampaignTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 5, 20);

    private static List<Decision> tags(RfmClass previous, RfmClass now, Object... more) {
        Segment segment = new Segment(now, previous, 5, 4, 5, 3, 6, new BigDecimal("2400.00"));
        List<Object> facts = new ArrayList<>(List.of(new Today(TODAY), member("m-1").build(), segment,
                new CampaignHistory(Map.of())));
        facts.addAll(List.of(more));
        return of("rfm-class-change", run(facts));
    }

    private static MemberEvent.Builder purchase(String at) {
        return MemberEvent.builder("p-" + at, "m-1", EventType.PURCHASE, Instant.parse(at)).orderId("o-" + at)
                .amount(new BigDecimal("388.00"));
    }

    @Test
    void shouldTagAClassChangeOnALiveEvent() {
        assertThat(tags(RfmClass.GENERAL_VALUE, RfmClass.IMPORTANT_VALUE, purchase("2026-05-20T02:00:00Z").build()))
                .extracting(Decision::periodKey).containsExactly("2026-05-20:important-value");
    }

    @Test
    void shouldNotTagTheClassesAnImportedHistoryPassesThrough() {
        // A year of old orders moves the member from class to class; none of those moves is news.
        assertThat(tags(RfmClass.GENERAL_VALUE, RfmClass.IMPORTANT_VALUE, imported(purchase("2025-08-01T02:00:00Z"))))
                .isEmpty();
    }

    @Test
    void shouldTagTheMemberWithTheNewClassOncePerDayAndClass() {
        assertThat(tags(RfmClass.GENERAL_VALUE, RfmClass.IMPORTANT_VALUE)).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo(ActionType.TAG_MEMBER);
            assertThat(d.periodKey()).isEqualTo("2026-05-20:important-value");
            assertThat(d.params()).isEqualTo(Map.of("tag", "rfm:important-value"));
        });
    }

    @Test
    void shouldNotTagAnUnchangedClassNorTheFirstClassing() {
        assertThat(tags(RfmClass.IMPORTANT_VALUE, RfmClass.IMPORTANT_VALUE)).isEmpty();
        assertThat(tags(null, RfmClass.PROSPECT)).isEmpty();
    }
}
