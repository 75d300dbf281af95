package org.memberflow.rules.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.memberflow.rules.builtin.BuiltIns.decide;
import static org.memberflow.rules.builtin.BuiltIns.imported;
import static org.memberflow.rules.builtin.BuiltIns.member;
import static org.memberflow.rules.builtin.BuiltIns.of;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.memberflow.rules.decision.ActionType;
import org.memberflow.rules.decision.Decision;
import org.memberflow.rules.fact.EventType;
import org.memberflow.rules.fact.MemberEvent;
import org.memberflow.rules.fact.PointsLot;

/** 积分到期提醒: points-expiry.drl, a reminder 15 days before a lot of at least 100 points expires, once per lot. */
class PointsExpiryCampaignTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    private static PointsLot lot(String lotId, long points, int daysUntilExpiry) {
        LocalDate on = TODAY.plusDays(daysUntilExpiry);
        return new PointsLot(lotId, points, on.atStartOfDay().toInstant(ZoneOffset.ofHours(8)), on, daysUntilExpiry);
    }

    private static List<Decision> reminders(PointsLot... lots) {
        return of("points-expiry", decide(TODAY, member("m-1").build(), (Object[]) lots));
    }

    @Test
    void shouldRemindFifteenDaysBeforeALotOf100PointsExpiresKeyedByTheLot() {
        assertThat(reminders(lot("lot-1", 100, 15))).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo(ActionType.SEND_MESSAGE);
            assertThat(d.periodKey()).isEqualTo("lot-1");
            assertThat(d.params()).isEqualTo(Map.of("messageTemplate", "POINTS_EXPIRING"));
        });
    }

    @Test
    void shouldRemindAboutAnImportedOpeningBalanceThatExpiresSoon() {
        MemberEvent opening = imported(MemberEvent.builder("imp:default:p:m-1", "m-1", EventType.POINTS_EARNED,
                Instant.parse("2026-06-15T02:00:00Z")).points(300L).lotId("imp:default:p:m-1"));
        assertThat(of("points-expiry", decide(TODAY, member("m-1").build(), opening, lot("imp:default:p:m-1", 300, 10))))
                .extracting(Decision::periodKey).containsExactly("imp:default:p:m-1");
    }

    @Test
    void shouldRemindOnTheDayOfExpiryButNotSixteenDaysBefore() {
        assertThat(reminders(lot("lot-1", 150, 0))).extracting(Decision::periodKey).containsExactly("lot-1");
        assertThat(reminders(lot("lot-1", 150, 16))).isEmpty();
    }

    @Test
    void shouldRemindAboutEachLotOfAtLeast100PointsAndNoOther() {
        PointsLot never = new PointsLot("forever", 500, null, null, null);
        assertThat(reminders(lot("big", 300, 3), lot("small", 99, 3), never, lot("other", 120, 10)))
                .extracting(Decision::periodKey).containsExactlyInAnyOrder("big", "other");
    }
}
