package org.memberflow.rules.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.memberflow.rules.builtin.BuiltIns.decide;
import static org.memberflow.rules.builtin.BuiltIns.imported;
import static org.memberflow.rules.builtin.BuiltIns.member;
import static org.memberflow.rules.builtin.BuiltIns.of;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.memberflow.rules.decision.ActionType;
import org.memberflow.rules.decision.Decision;
import org.memberflow.rules.fact.EventType;
import org.memberflow.rules.fact.MemberEvent;
import org.memberflow.rules.fact.MemberView;
import org.memberflow.rules.fact.Tick;

/** 签到连续奖励: check-in-streak.drl, 100 points on the 7th day in a row with a check-in, once per streak. */
class CheckInStreakCampaignTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static MemberEvent checkIn(String at) {
        return MemberEvent.builder("c-" + at, "m-1", EventType.CHECK_IN, Instant.parse(at)).build();
    }

    private static MemberView streak(int days, ZoneId zone) {
        return member("m-1").timeZone(zone).checkInStreak(days).build();
    }

    /** A check-in at 10:00 in Shanghai on {@code today}, with the streak it makes. */
    private static List<Decision> checkInOn(LocalDate today, int streak) {
        return of("check-in-streak", decide(today, streak(streak, SHANGHAI), checkIn(today + "T02:00:00Z")));
    }

    @Test
    void shouldGrant100PointsOnTheSeventhDayInARowKeyedByTheStreaksFirstDay() {
        assertThat(checkInOn(LocalDate.of(2026, 5, 7), 7)).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo(ActionType.GRANT_POINTS);
            assertThat(d.campaignId()).isEqualTo("check-in-streak");
            assertThat(d.periodKey()).isEqualTo("2026-05-01");
            assertThat(d.params()).isEqualTo(Map.of("points", "100"));
        });
    }

    @Test
    void shouldGrantNothingForAnImportedCheckIn() {
        LocalDate today = LocalDate.of(2026, 5, 7);
        MemberEvent checkIn = imported(MemberEvent.builder("c-1", "m-1", EventType.CHECK_IN,
                Instant.parse("2026-05-07T02:00:00Z")));
        assertThat(of("check-in-streak", decide(today, streak(7, SHANGHAI), checkIn))).isEmpty();
    }

    @Test
    void shouldGrantNothingOnTheSixthDay() {
        assertThat(checkInOn(LocalDate.of(2026, 5, 6), 6)).isEmpty();
    }

    @Test
    void shouldKeepTheSamePeriodKeyForTheRestOfTheStreakSoItIsRewardedOnce() {
        for (int day = 7; day <= 30; day++) {
            assertThat(checkInOn(LocalDate.of(2026, 5, 1).plusDays(day - 1), day)).as("day %d", day)
                    .extracting(Decision::periodKey).containsExactly("2026-05-01");
        }
    }

    @Test
    void shouldRewardANewStreakAfterAGapAgain() {
        // Streak of 7 from 1 May, a missed 8 May, a new streak from 9 May that reaches 7 on 15 May.
        assertThat(checkInOn(LocalDate.of(2026, 5, 15), 7)).extracting(Decision::periodKey).containsExactly("2026-05-09");
    }

    @Test
    void shouldRewardOnlyACheckInEvent() {
        LocalDate today = LocalDate.of(2026, 5, 7);
        MemberEvent purchase = MemberEvent.builder("p-1", "m-1", EventType.PURCHASE, Instant.parse("2026-05-07T02:00:00Z"))
                .orderId("o-1").amount(new BigDecimal("10.00")).build();
        assertThat(of("check-in-streak", decide(today, streak(7, SHANGHAI), purchase))).isEmpty();
        assertThat(of("check-in-streak", decide(today, streak(7, SHANGHAI), new Tick("rfm", today)))).isEmpty();
    }

    @Test
    void shouldRewardNothingForALateCheckInOfAnEarlierDay() {
        // Yesterday's 7th check-in arrives after midnight: the last check-in day is not known to be
        // today, so nothing; the member's next check-in (day 8) is rewarded with the same key.
        LocalDate today = LocalDate.of(2026, 5, 8);
        assertThat(of("check-in-streak", decide(today, streak(7, SHANGHAI), checkIn("2026-05-07T15:50:00Z")))).isEmpty();
        assertThat(checkInOn(today, 8)).extracting(Decision::periodKey).containsExactly("2026-05-01");
    }

    @Test
    void shouldTakeTheDayOfTheCheckInInTheMembersTimeZone() {
        Instant at = Instant.parse("2026-05-06T22:30:00Z"); // 7 May 00:30 in Paris, 6 May 18:30 in New York
        MemberEvent event = MemberEvent.builder("c-1", "m-1", EventType.CHECK_IN, at).build();

        assertThat(of("check-in-streak", decide(LocalDate.of(2026, 5, 7), streak(7, ZoneId.of("Europe/Paris")), event)))
                .extracting(Decision::periodKey).containsExactly("2026-05-01");
        assertThat(of("check-in-streak", decide(LocalDate.of(2026, 5, 6), streak(7, ZoneId.of("America/New_York")),
                event))).extracting(Decision::periodKey).containsExactly("2026-04-30");
        // no time zone: Asia/Shanghai, where it is 7 May 06:30
        assertThat(of("check-in-streak", decide(LocalDate.of(2026, 5, 7), streak(7, null), event)))
                .extracting(Decision::periodKey).containsExactly("2026-05-01");
    }
}
