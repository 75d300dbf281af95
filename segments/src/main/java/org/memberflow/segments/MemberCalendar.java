package org.memberflow.segments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Days as the member lives them: every date in MemberFlow is a date in the member's time zone
 * (Asia/Shanghai when the member has none).
 */
public final class MemberCalendar {
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private MemberCalendar() {
    }

    public static ZoneId zoneOrDefault(ZoneId zone) {
        return zone == null ? DEFAULT_ZONE : zone;
    }

    /** The member's date at {@code instant}. */
    public static LocalDate day(Instant instant, ZoneId zone) {
        return LocalDate.ofInstant(instant, zoneOrDefault(zone));
    }

    /**
     * The next birthday on or after {@code today}. A 29 February birthday falls on 28 February in
     * years without one.
     */
    public static LocalDate nextBirthday(LocalDate birthday, LocalDate today) {
        LocalDate thisYear = birthdayIn(birthday, today.getYear());
        return thisYear.isBefore(today) ? birthdayIn(birthday, today.getYear() + 1) : thisYear;
    }

    /** Days from {@code today} to the next birthday: 0 on the day itself. */
    public static int daysUntilBirthday(LocalDate birthday, LocalDate today) {
        return (int) ChronoUnit.DAYS.between(today, nextBirthday(birthday, today));
    }

    private static LocalDate birthdayIn(LocalDate birthday, int year) {
        MonthDay md = MonthDay.from(birthday);
        return md.isValidYear(year) ? md.atYear(year) : LocalDate.of(year, 2, 28);
    }
}
