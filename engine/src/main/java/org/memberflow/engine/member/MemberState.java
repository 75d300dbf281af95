package org.memberflow.engine.member;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.memberflow.segments.PurchaseHistory;
import org.memberflow.segments.RfmClass;

/**
 * Everything the engine keeps about one member, in the {@code member-state} store: the profile
 * (no personal data), daily purchase buckets for the RFM window, recent orders (so that a full
 * refund un-counts its order), points lots, the check-in streak, counters, the periods already
 * acted on per campaign, and the last RFM class. Mutable: the processor reads it, folds one
 * event or tick into it, and writes it back. Every collection is bounded (see the constants).
 */
public final class MemberState {
    /** Orders remembered for refunds: the most recent ones, within {@link #ORDER_DAYS} days. */
    static final int MAX_ORDERS = 16;
    static final int ORDER_DAYS = 90;
    /** Periods remembered per campaign; older ones fall out first. */
    static final int MAX_PERIODS_PER_CAMPAIGN = 8;
    static final int MAX_LOTS = 64;
    /**
     * Event ids remembered to drop duplicates: the member's most recent ones, by arrival. A
     * producer's retry comes within seconds to hours, long before 16 newer events of the same
     * member. Kept here rather than in a window store of its own, dedupe costs no extra read,
     * write or changelog record, and does not depend on the order of record timestamps (the
     * window store opened a RocksDB segment every 3.5 days of record time while a year of
     * history streamed through: see BENCHMARKS.md).
     */
    static final int MAX_RECENT_EVENTS = 16;

    String brandId;
    LocalDate birthday;
    ZoneId timeZone;
    String tier;
    List<String> tags = List.of();
    LocalDate registeredOn;
    PurchaseHistory purchases = new PurchaseHistory();
    List<Order> orders = new ArrayList<>();
    List<Lot> lots = new ArrayList<>();
    long lifetimePurchases;
    long lifetimeSpendFen;
    LocalDate lastPurchaseDay;
    LocalDate lastCheckInDay;
    int checkInStreak;
    long eventCount;
    Instant lastEventAt;
    RfmClass rfmClass;
    Map<String, Deque<String>> actedPeriods = new LinkedHashMap<>();
    Deque<Long> recentEventIds = new ArrayDeque<>();
    /**
     * Fingerprint of the last snapshot sent, without the fields that move with the calendar alone
     * (see {@code SnapshotDigest}): a sweep sends a snapshot, and writes the state
     * back, only for the members whose snapshot or state it changed. 0 before the first.
     */
    long snapshotDigest;

    MemberState(String brandId) {
        this.brandId = brandId;
    }

    public static MemberState newMember(String brandId) {
        return new MemberState(brandId);
    }

    /** An order still open to refunds: its id's 64-bit hash, its day and what is left to refund. */
    record Order(long idHash, long epochDay, long remainingFen) {
    }

    /** Points earned together: {@code expiresAtSecond} is -1 for points that never expire. */
    record Lot(String lotId, long points, long expiresAtSecond) {
        boolean expires() {
            return expiresAtSecond >= 0;
        }
    }

    public boolean hasActed(String campaignId, String periodKey) {
        Deque<String> periods = actedPeriods.get(campaignId);
        return periods != null && periods.contains(periodKey);
    }

    /** Remembers that the campaign acted for the period, forgetting its oldest beyond the bound. */
    public void recordActed(String campaignId, String periodKey) {
        Deque<String> periods = actedPeriods.computeIfAbsent(campaignId, k -> new ArrayDeque<>());
        if (!periods.contains(periodKey)) {
            periods.addLast(periodKey);
            while (periods.size() > MAX_PERIODS_PER_CAMPAIGN) {
                periods.removeFirst();
            }
        }
    }

    /** Whether the event id is among the member's recent events (a 64-bit hash of it is kept). */
    public boolean hasSeen(String eventId) {
        return recentEventIds.contains(EventFolder.hash(eventId));
    }

    /** Remembers the event id, forgetting the oldest beyond the bound. */
    public void recordSeen(String eventId) {
        recentEventIds.addLast(EventFolder.hash(eventId));
        while (recentEventIds.size() > MAX_RECENT_EVENTS) {
            recentEventIds.removeFirst();
        }
    }

    public String brandId() {
        return brandId;
    }

    /** The class of the last evaluation; null before the first. */
    public RfmClass rfmClass() {
        return rfmClass;
    }

    public ZoneId timeZone() {
        return timeZone;
    }

    public PurchaseHistory purchases() {
        return purchases;
    }

    public long pointsBalance() {
        long sum = 0;
        for (Lot lot : lots) {
            sum += lot.points();
        }
        return sum;
    }
}
