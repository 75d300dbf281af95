package org.memberflow.engine.json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads and writes ISO-8601 instants without {@code DateTimeFormatter}, whose generality cost the
 * stream threads 8% reading events and a fifth of serialising the records they send (BENCHMARKS.md).
 *
 * <p>Reading: almost every producer writes the one shape {@code 2026-05-20T08:30:00Z}, optionally
 * with a fraction of 1 to 9 digits; that shape is read here directly, about ten times faster than
 * {@link Instant#parse}. Every other text goes to {@link Instant#parse}, so what is accepted and
 * refused is exactly what it accepts and refuses.
 *
 * <p>Writing: the text of {@link Instant#toString}, character for character (seconds always, the
 * fraction in groups of three digits, as needed), for the years 0000 to 9999; others by it.
 */
public final class IsoInstants {
    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z, in seconds from the epoch. */
    private static final long MIN_FAST = -62_167_219_200L;
    private static final long END_FAST = 253_402_300_800L;

    private IsoInstants() {
    }

    /** @throws java.time.DateTimeException if the text is not an ISO-8601 instant */
    public static Instant parse(String s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return Instant.parse(s);
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int nanos = 0;
        if (n > 20) {
            if (s.charAt(19) != '.' || n == 21) {
                return Instant.parse(s);
            }
            int fraction = digits(s, 20, n - 1);
            if (fraction < 0) {
                return Instant.parse(s);
            }
            nanos = fraction * POWERS_OF_TEN[9 - (n - 21)];
        } else if (s.charAt(19) != 'Z') {
            return Instant.parse(s);
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return Instant.parse(s); // out of range or a leap second: the formatter decides
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
            100_000_000, 1_000_000_000};

    /** The decimal value of s[from, to), or -1 if any of it is not an ASCII digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** {@code instant.toString()}, written faster. */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < MIN_FAST || seconds >= END_FAST) {
            return instant.toString(); // a sign or a fifth year digit
        }
        long day = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) (seconds - day * 86_400);
        LocalDate date = LocalDate.ofEpochDay(day);
        int nanos = instant.getNano();
        int fractionDigits = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        byte[] text = new byte[20 + (fractionDigits == 0 ? 0 : 1 + fractionDigits)];
        put(text, 0, date.getYear(), 4);
        text[4] = '-';
        put(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        put(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        put(text, 11, secondOfDay / 3_600, 2);
        text[13] = ':';
        put(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        put(text, 17, secondOfDay % 60, 2);
        if (fractionDigits > 0) {
            text[19] = '.';
            put(text, 20, nanos / POWERS_OF_TEN[9 - fractionDigits], fractionDigits);
        }
        text[text.length - 1] = 'Z';
        return new String(text, StandardCharsets.US_ASCII);
    }

    /** {@code value} as {@code width} decimal digits, zero-padded, at {@code text[at]}. */
    private static void put(byte[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
