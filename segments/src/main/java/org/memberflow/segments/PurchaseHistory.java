package org.memberflow.segments;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * A member's purchases as daily buckets (day, purchases, net spend in fen), oldest first. Only
 * what the RFM window needs is kept: {@link #forgetBefore} drops older days, so the size per
 * member stays bounded by the window (and in practice by the days a member actually buys).
 * Mutable on purpose: the engine folds each event into the state it has just read.
 */
public final class PurchaseHistory {
    private int size;
    private long[] days;   // epoch days, ascending, unique
    private int[] counts;  // purchases counted on that day
    private long[] fen;    // net spend on that day

    public PurchaseHistory() {
        this(0, new long[4], new int[4], new long[4]);
    }

    private PurchaseHistory(int size, long[] days, int[] counts, long[] fen) {
        this.size = size;
        this.days = days;
        this.counts = counts;
        this.fen = fen;
    }

    /** Rebuilds a history from its buckets (as written by {@link #epochDay(int)} and friends). */
    public static PurchaseHistory of(long[] epochDays, int[] purchases, long[] netFen) {
        if (epochDays.length != purchases.length || epochDays.length != netFen.length) {
            throw new IllegalArgumentException("bucket arrays differ in length");
        }
        for (int i = 1; i < epochDays.length; i++) {
            if (epochDays[i] <= epochDays[i - 1]) {
                throw new IllegalArgumentException("bucket days must ascend");
            }
        }
        int n = epochDays.length;
        return new PurchaseHistory(n, Arrays.copyOf(epochDays, Math.max(n, 4)), Arrays.copyOf(purchases, Math.max(n, 4)),
                Arrays.copyOf(netFen, Math.max(n, 4)));
    }

    public void recordPurchase(LocalDate day, long amountFen) {
        int i = bucket(day.toEpochDay());
        counts[i]++;
        fen[i] += amountFen;
    }

    /**
     * Takes a refund off the day of the order it refunds; {@code uncount} when the order is now
     * fully refunded, so it no longer counts as a purchase.
     */
    public void recordRefund(LocalDate orderDay, long amountFen, boolean uncount) {
        int i = bucket(orderDay.toEpochDay());
        fen[i] -= amountFen;
        if (uncount && counts[i] > 0) {
            counts[i]--;
        }
    }

    /** Drops the buckets before {@code firstDayToKeep}; returns whether there were any. */
    public boolean forgetBefore(LocalDate firstDayToKeep) {
        long keep = firstDayToKeep.toEpochDay();
        int from = 0;
        while (from < size && days[from] < keep) {
            from++;
        }
        if (from > 0) {
            System.arraycopy(days, from, days, 0, size - from);
            System.arraycopy(counts, from, counts, 0, size - from);
            System.arraycopy(fen, from, fen, 0, size - from);
            size -= from;
        }
        return from > 0;
    }

    /**
     * R, F and M over the window of {@code windowDays} days that ends with {@code today}
     * (today and the {@code windowDays - 1} days before it). Buckets after today are ignored.
     */
    public RfmValues rfm(LocalDate today, int windowDays) {
        long last = today.toEpochDay();
        long first = last - windowDays + 1;
        int frequency = 0;
        long monetary = 0;
        long lastPurchaseDay = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            if (days[i] < first || days[i] > last) {
                continue;
            }
            frequency += counts[i];
            monetary += fen[i];
            if (counts[i] > 0) {
                lastPurchaseDay = days[i];
            }
        }
        if (frequency <= 0 || lastPurchaseDay == Long.MIN_VALUE) {
            return new RfmValues(-1, 0, monetary);
        }
        return new RfmValues((int) (last - lastPurchaseDay), frequency, monetary);
    }

    /** The last day with a counted purchase, or null. */
    public LocalDate lastPurchaseDay() {
        for (int i = size - 1; i >= 0; i--) {
            if (counts[i] > 0) {
                return LocalDate.ofEpochDay(days[i]);
            }
        }
        return null;
    }

    public int size() {
        return size;
    }

    public long epochDay(int i) {
        return days[i];
    }

    public int purchases(int i) {
        return counts[i];
    }

    public long netFen(int i) {
        return fen[i];
    }

    /** The index of the bucket for {@code day}, inserted in order when new. */
    private int bucket(long day) {
        int i = Arrays.binarySearch(days, 0, size, day);
        if (i >= 0) {
            return i;
        }
        int at = -i - 1;
        if (size == days.length) {
            int capacity = days.length * 2;
            days = Arrays.copyOf(days, capacity);
            counts = Arrays.copyOf(counts, capacity);
            fen = Arrays.copyOf(fen, capacity);
        }
        System.arraycopy(days, at, days, at + 1, size - at);
        System.arraycopy(counts, at, counts, at + 1, size - at);
        System.arraycopy(fen, at, fen, at + 1, size - at);
        days[at] = day;
        counts[at] = 0;
        fen[at] = 0;
        size++;
        return at;
    }
}
