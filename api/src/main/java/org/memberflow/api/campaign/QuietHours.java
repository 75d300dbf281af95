package org.memberflow.api.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Hours in which a campaign does not contact members, in each member's own time zone: from
 * {@code start} (inclusive) to {@code end} (exclusive), wrapping midnight when start is after end.
 */
public record QuietHours(LocalTime start, LocalTime end, QuietPolicy policy) {

    /** When {@code now} is inside the quiet hours in {@code zone}: the instant they end there. */
    public Optional<Instant> endIfInside(Instant now, ZoneId zone) {
        if (start.equals(end)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate date = local.toLocalDate();
        boolean wraps = start.isAfter(end);
        if (!wraps) {
            return !time.isBefore(start) && time.isBefore(end) ? Optional.of(at(date, end, zone)) : Optional.empty();
        }
        if (!time.isBefore(start)) {
            return Optional.of(at(date.plusDays(1), end, zone));
        }
        return time.isBefore(end) ? Optional.of(at(date, end, zone)) : Optional.empty();
    }

    /** A local time on a date in a zone; a time in a DST gap moves forward, as ZonedDateTime does. */
    private static Instant at(LocalDate date, LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }
}
