package org.memberflow.api.importer;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value formats of the import files, as old systems and spreadsheets write them: dates with
 * {@code -} or {@code /}, a time after {@code T} or a space, an offset or none (then the time is
 * local to a zone), money as plain yuan. What the event contract checks itself (2 decimals, not
 * negative, lengths) is left to it.
 */
final class CsvValues {
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?)?");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("\\d{1,18}");
    static final String DATE_TIME_FORMS = "like 2024-03-08 14:30:00, 2024/3/8 14:30, 2024-03-08T06:30:00Z,"
            + " 2024-03-08T14:30:00+08:00 or 2024-03-08 14:30:00+08";

    private CsvValues() {
    }

    /** A required value. */
    static String required(CsvRow row, String column) throws RowRejectedException {
        String value = row.get(column);
        if (value == null) {
            throw new RowRejectedException(column, "is required");
        }
        return value;
    }

    /**
     * A date and time; without an offset it is the time on the clocks of {@code zone}; a date alone
     * is the start of that day there.
     */
    static Instant instant(String text, ZoneId zone, String column) throws RowRejectedException {
        Matcher m = DATE_TIME.matcher(text);
        if (!m.matches()) {
            throw new RowRejectedException(column, "'" + text + "' is not a date and time " + DATE_TIME_FORMS);
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            if (m.group(4) == null) {
                return date.atStartOfDay(zone).toInstant();
            }
            String fraction = m.group(7) == null ? "0" : (m.group(7) + "00000000").substring(0, 9);
            LocalDateTime local = date.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), Integer.parseInt(fraction));
            String offset = m.group(8);
            return offset == null ? local.atZone(zone).toInstant() : local.toInstant(ZoneOffset.of(offset));
        } catch (DateTimeException e) {
            throw new RowRejectedException(column, "'" + text + "' is not a real date and time (" + e.getMessage() + ")");
        }
    }

    /** The instant a day ends in {@code zone} (the start of the next): "valid until 2026-12-31" lasts all that day. */
    static Instant endOfDay(String text, ZoneId zone, String column) throws RowRejectedException {
        Matcher m = DATE_TIME.matcher(text);
        if (m.matches() && m.group(4) == null) {
            return instant(text, zone, column).atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        }
        return instant(text, zone, column);
    }

    /** A calendar date, as {@code 1990-05-20} or {@code 1990/5/20}, written back in ISO form. */
    static String date(String text, String column) throws RowRejectedException {
        Matcher m = DATE_TIME.matcher(text);
        if (!m.matches() || m.group(4) != null) {
            throw new RowRejectedException(column, "'" + text + "' is not a date like 1990-05-20 or 1990/5/20");
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
                    .toString();
        } catch (DateTimeException e) {
            throw new RowRejectedException(column, "'" + text + "' is not a real date (" + e.getMessage() + ")");
        }
    }

    /** An amount of yuan (元) as a plain number; the contract checks decimals and sign. */
    static BigDecimal yuan(String text, String column) throws RowRejectedException {
        if (!DECIMAL.matcher(text).matches()) {
            throw new RowRejectedException(column, "'" + text + "' is not an amount of yuan: write a plain number like"
                    + " 1288.00 (no ¥, 元 or thousands separators)");
        }
        return new BigDecimal(text);
    }

    /** A whole number of points (积分), 0 or more. */
    static long points(String text, String column) throws RowRejectedException {
        if (!WHOLE.matcher(text).matches()) {
            throw new RowRejectedException(column, "'" + text + "' is not a whole number of points like 1200");
        }
        return Long.parseLong(text);
    }

    /** An IANA time zone such as Asia/Shanghai. */
    static ZoneId zone(String text, String column) throws RowRejectedException {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new RowRejectedException(column, "unknown time zone '" + text + "' (write an IANA zone such as"
                    + " Asia/Shanghai)");
        }
    }

    /** Tags separated by {@code |}; empty ones are dropped. */
    static List<String> tags(String text) {
        List<String> tags = new ArrayList<>();
        for (String tag : text.split("\\|", -1)) {
            if (!tag.isBlank()) {
                tags.add(tag.strip());
            }
        }
        return tags;
    }
}
