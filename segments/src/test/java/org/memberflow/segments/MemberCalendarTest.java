package org.memberflow.segments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MemberCalendarTest {

    @Test
    void shouldDateAPurchaseInTheMembersTimeZone() {
        Instant beforeMidnightInShanghai = Instant.parse("2026-05-20T15:59:59Z"); // 23:59:59 in Shanghai
        Instant afterMidnightInShanghai = Instant.parse("2026-05-20T16:00:00Z");  // 00:00 on the 21st
        assertThat(MemberCalendar.day(beforeMidnightInShanghai, null)).isEqualTo(LocalDate.of(2026, 5, 20));
        assertThat(MemberCalendar.day(afterMidnightInShanghai, null)).isEqualTo(LocalDate.of(2026, 5, 21));
        assertThat(MemberCalendar.day(afterMidnightInShanghai, ZoneId.of("Europe/Paris")))
                .isEqualTo(LocalDate.of(2026, 5, 20));
    }

    @Test
    void shouldChangeRecencyAcrossMidnightInTheMembersZone() {
        PurchaseHistory h = new PurchaseHistory();
        ZoneId la = ZoneId.of("America/Los_Angeles");
        h.recordPurchase(MemberCalendar.day(Instant.parse("2026-05-21T06:59:00Z"), la), 100); // 23:59 on the 20th in LA
        LocalDate todayInLa = MemberCalendar.day(Instant.parse("2026-05-21T07:00:00Z"), la);  // 00:00 on the 21st
        assertThat(h.rfm(todayInLa, 365).recencyDays()).isEqualTo(1);
    }

    @Test
    void shouldFindTheNextBirthday() {
        LocalDate birthday = LocalDate.of(1990, 5, 20);
        assertThat(MemberCalendar.nextBirthday(birthday, LocalDate.of(2026, 5, 17))).isEqualTo(LocalDate.of(2026, 5, 20));
        assertThat(MemberCalendar.daysUntilBirthday(birthday, LocalDate.of(2026, 5, 17))).isEqualTo(3);
        assertThat(MemberCalendar.daysUntilBirthday(birthday, LocalDate.of(2026, 5, 20))).isZero();
        assertThat(MemberCalendar.nextBirthday(birthday, LocalDate.of(2026, 5, 21))).isEqualTo(LocalDate.of(2027, 5, 20));
        assertThat(MemberCalendar.daysUntilBirthday(LocalDate.of(1990, 1, 2), LocalDate.of(2026, 12, 30))).isEqualTo(3);
    }

    @Test
    void shouldCelebrateALeapDayBirthdayOnThe28thInOtherYears() {
        LocalDate leapling = LocalDate.of(1992, 2, 29);
        assertThat(MemberCalendar.nextBirthday(leapling, LocalDate.of(2027, 1, 1))).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(MemberCalendar.nextBirthday(leapling, LocalDate.of(2028, 1, 1))).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(MemberCalendar.daysUntilBirthday(leapling, LocalDate.of(2027, 2, 25))).isEqualTo(3);
        assertThat(MemberCalendar.nextBirthday(leapling, LocalDate.of(2027, 3, 1))).isEqualTo(LocalDate.of(2028, 2, 29));
    }
}
