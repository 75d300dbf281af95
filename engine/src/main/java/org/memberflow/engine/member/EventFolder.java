package org.memberflow.engine.member;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import org.memberflow.rules.fact.MemberEvent;
import org.memberflow.rules.fact.Profile;
import org.memberflow.segments.MemberCalendar;

/**
 * Folds one event into a member's state. Dates are the member's dates (their time zone); money
 * is kept in fen. Pure apart from mutating the state it is given.
 */
public final class EventFolder {
    private static final Comparator<MemberState.Lot> BY_EXPIRY = Comparator
            .comparingLong((MemberState.Lot l) -> l.expires() ? l.expiresAtSecond() : Long.MAX_VALUE)
            .thenComparing(MemberState.Lot::lotId);

    private EventFolder() {
    }

    public static void apply(MemberState s, MemberEvent e) {
        s.eventCount++;
        if (s.lastEventAt == null || e.getOccurredAt().isAfter(s.lastEventAt)) {
            s.lastEventAt = e.getOccurredAt();
        }
        switch (e.getType()) {
            case REGISTERED -> {
                if (s.registeredOn == null) {
                    s.registeredOn = day(s, e.getOccurredAt());
                }
                applyProfile(s, e.getProfile());
            }
            case PROFILE_UPDATED -> applyProfile(s, e.getProfile());
            case PURCHASE -> purchase(s, e);
            case REFUND -> refund(s, e);
            case POINTS_EARNED -> earn(s, e);
            case POINTS_REDEEMED -> redeem(s, e.getPoints());
            case CHECK_IN -> checkIn(s, day(s, e.getOccurredAt()));
            case BROWSE, COUPON_REDEEMED -> {
                // counted above; nothing else to keep
            }
        }
    }

    /**
     * Drops what no rule needs any more: purchase days before the window, orders past the refund
     * horizon, and points lots that have expired by {@code now}. Returns whether anything went.
     */
    public static boolean expire(MemberState s, Instant now, LocalDate today, int windowDays) {
        boolean purchases = s.purchases.forgetBefore(today.minusDays(windowDays - 1L));
        long firstOrderDay = today.minusDays(MemberState.ORDER_DAYS).toEpochDay();
        boolean orders = s.orders.removeIf(o -> o.epochDay() < firstOrderDay);
        long nowSecond = now.getEpochSecond();
        boolean lots = s.lots.removeIf(l -> l.expires() && l.expiresAtSecond() <= nowSecond);
        return purchases | orders | lots;
    }

    private static void applyProfile(MemberState s, Profile p) {
        if (p == null) {
            return;
        }
        if (p.getBirthday() != null) {
            s.birthday = p.getBirthday();
        }
        if (p.getTimeZone() != null) {
            s.timeZone = p.getTimeZone();
        }
        if (p.getTier() != null) {
            s.tier = p.getTier();
        }
        if (!p.getTags().isEmpty()) {
            s.tags = p.getTags();
        }
        // the phone number stays out of the engine on purpose (PIPL): it is not copied
    }

    private static void purchase(MemberState s, MemberEvent e) {
        LocalDate day = day(s, e.getOccurredAt());
        long fen = fen(e.getAmount());
        s.purchases.recordPurchase(day, fen);
        s.lifetimePurchases++;
        s.lifetimeSpendFen += fen;
        if (s.lastPurchaseDay == null || day.isAfter(s.lastPurchaseDay)) {
            s.lastPurchaseDay = day;
        }
        s.orders.add(new MemberState.Order(hash(e.getOrderId()), day.toEpochDay(), fen));
        while (s.orders.size() > MemberState.MAX_ORDERS) {
            s.orders.remove(0);
        }
    }

    private static void refund(MemberState s, MemberEvent e) {
        long fen = fen(e.getAmount());
        long id = hash(e.getOrderId());
        for (int i = 0; i < s.orders.size(); i++) {
            MemberState.Order o = s.orders.get(i);
            if (o.idHash() == id) {
                long refunded = Math.min(fen, o.remainingFen());
                long left = o.remainingFen() - refunded;
                boolean full = left == 0;
                s.purchases.recordRefund(LocalDate.ofEpochDay(o.epochDay()), refunded, full);
                s.orders.set(i, new MemberState.Order(o.idHash(), o.epochDay(), left));
                s.lifetimeSpendFen -= refunded;
                if (full) {
                    s.lifetimePurchases = Math.max(0, s.lifetimePurchases - 1);
                    s.lastPurchaseDay = s.purchases.lastPurchaseDay();
                }
                return;
            }
        }
        // An order we no longer (or never) knew: the money still comes off the member's spend.
        s.purchases.recordRefund(day(s, e.getOccurredAt()), fen, false);
        s.lifetimeSpendFen -= fen;
    }

    private static void earn(MemberState s, MemberEvent e) {
        long expires = e.getExpiresAt() == null ? -1 : e.getExpiresAt().getEpochSecond();
        s.lots.removeIf(l -> l.lotId().equals(e.getLotId())); // a lot id names one lot
        s.lots.add(new MemberState.Lot(e.getLotId(), e.getPoints(), expires));
        s.lots.sort(BY_EXPIRY);
        while (s.lots.size() > MemberState.MAX_LOTS) {
            // merge the two latest-expiring lots rather than lose points
            MemberState.Lot last = s.lots.remove(s.lots.size() - 1);
            MemberState.Lot prev = s.lots.remove(s.lots.size() - 1);
            s.lots.add(new MemberState.Lot(prev.lotId(), prev.points() + last.points(), prev.expiresAtSecond()));
        }
    }

    /** Redeems from the soonest-expiring lots first (FIFO by expiry). */
    private static void redeem(MemberState s, long points) {
        long left = points;
        while (left > 0 && !s.lots.isEmpty()) {
            MemberState.Lot first = s.lots.get(0);
            if (first.points() <= left) {
                left -= first.points();
                s.lots.remove(0);
            } else {
                s.lots.set(0, new MemberState.Lot(first.lotId(), first.points() - left, first.expiresAtSecond()));
                left = 0;
            }
        }
    }

    private static void checkIn(MemberState s, LocalDate day) {
        if (s.lastCheckInDay != null && day.equals(s.lastCheckInDay)) {
            return; // a second check-in the same day
        }
        if (s.lastCheckInDay != null && day.equals(s.lastCheckInDay.plusDays(1))) {
            s.checkInStreak++;
        } else if (s.lastCheckInDay == null || day.isAfter(s.lastCheckInDay)) {
            s.checkInStreak = 1;
        } else {
            return; // a late check-in for a past day changes no streak
        }
        s.lastCheckInDay = day;
    }

    static LocalDate day(MemberState s, Instant instant) {
        return MemberCalendar.day(instant, s.timeZone);
    }

    static long fen(BigDecimal yuan) {
        return yuan.movePointRight(2).longValueExact();
    }

    /**
     * 64-bit FNV-1a of an order or event id: compact, and a collision among one member's 16 orders
     * or 16 recent events is negligible.
     */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
