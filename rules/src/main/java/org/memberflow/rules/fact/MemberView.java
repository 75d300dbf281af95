package org.memberflow.rules.fact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The member as the engine knows them after the current event (会员画像): profile, purchases,
 * points and check-ins, with the dates already worked out in the member's time zone. Personal
 * data such as the phone number is not here.
 */
public final class MemberView {
    private final String memberId;
    private final String brandId;
    private final String tier;
    private final List<String> tags;
    private final ZoneId timeZone;
    private final LocalDate birthday;
    private final LocalDate nextBirthday;
    private final Integer daysUntilBirthday;
    private final LocalDate registeredOn;
    private final LocalDate lastPurchaseDate;
    private final Integer daysSinceLastPurchase;
    private final int purchasesInWindow;
    private final BigDecimal spendInWindow;
    private final long lifetimePurchases;
    private final BigDecimal lifetimeSpend;
    private final int checkInStreak;
    private final long pointsBalance;

    private MemberView(Builder b) {
        memberId = b.memberId;
        brandId = b.brandId;
        tier = b.tier;
        tags = b.tags == null ? List.of() : List.copyOf(b.tags);
        timeZone = b.timeZone;
        birthday = b.birthday;
        nextBirthday = b.nextBirthday;
        daysUntilBirthday = b.daysUntilBirthday;
        registeredOn = b.registeredOn;
        lastPurchaseDate = b.lastPurchaseDate;
        daysSinceLastPurchase = b.daysSinceLastPurchase;
        purchasesInWindow = b.purchasesInWindow;
        spendInWindow = b.spendInWindow == null ? BigDecimal.ZERO : b.spendInWindow;
        lifetimePurchases = b.lifetimePurchases;
        lifetimeSpend = b.lifetimeSpend == null ? BigDecimal.ZERO : b.lifetimeSpend;
        checkInStreak = b.checkInStreak;
        pointsBalance = b.pointsBalance;
    }

    public static Builder builder(String memberId, String brandId) {
        Builder b = new Builder();
        b.memberId = memberId;
        b.brandId = brandId;
        return b;
    }

    public String getMemberId() {
        return memberId;
    }

    public String getBrandId() {
        return brandId;
    }

    /** Card tier (会员等级), such as silver or gold; null when unknown. */
    public String getTier() {
        return tier;
    }

    public List<String> getTags() {
        return tags;
    }

    public ZoneId getTimeZone() {
        return timeZone;
    }

    public LocalDate getBirthday() {
        return birthday;
    }

    /** The next birthday on or after today (28 Feb for a 29 Feb birthday in other years). */
    public LocalDate getNextBirthday() {
        return nextBirthday;
    }

    /** 0 on the birthday, 3 three days before; null without a birthday. */
    public Integer getDaysUntilBirthday() {
        return daysUntilBirthday;
    }

    public LocalDate getRegisteredOn() {
        return registeredOn;
    }

    /** The day of the last purchase that still counts (not fully refunded); null if never. */
    public LocalDate getLastPurchaseDate() {
        return lastPurchaseDate;
    }

    public Integer getDaysSinceLastPurchase() {
        return daysSinceLastPurchase;
    }

    /** Purchases in the RFM window (365 days by default). */
    public int getPurchasesInWindow() {
        return purchasesInWindow;
    }

    /** Net spend in the RFM window, yuan. */
    public BigDecimal getSpendInWindow() {
        return spendInWindow;
    }

    public long getLifetimePurchases() {
        return lifetimePurchases;
    }

    public BigDecimal getLifetimeSpend() {
        return lifetimeSpend;
    }

    /** Consecutive days with a check-in (连续签到天数), up to today or yesterday. */
    public int getCheckInStreak() {
        return checkInStreak;
    }

    /** Points held, over all lots that have not expired. */
    public long getPointsBalance() {
        return pointsBalance;
    }

    /** Collects the fields; see the getters for their meaning. */
    public static final class Builder {
        private String memberId;
        private String brandId;
        private String tier;
        private List<String> tags;
        private ZoneId timeZone;
        private LocalDate birthday;
        private LocalDate nextBirthday;
        private Integer daysUntilBirthday;
        private LocalDate registeredOn;
        private LocalDate lastPurchaseDate;
        private Integer daysSinceLastPurchase;
        private int purchasesInWindow;
        private BigDecimal spendInWindow;
        private long lifetimePurchases;
        private BigDecimal lifetimeSpend;
        private int checkInStreak;
        private long pointsBalance;

        private Builder() {
        }

        public Builder tier(String v) {
            tier = v;
            return this;
        }

        public Builder tags(List<String> v) {
            tags = v;
            return this;
        }

        public Builder timeZone(ZoneId v) {
            timeZone = v;
            return this;
        }

        public Builder birthday(LocalDate birthday, LocalDate next, Integer daysUntil) {
            this.birthday = birthday;
            this.nextBirthday = next;
            this.daysUntilBirthday = daysUntil;
            return this;
        }

        public Builder registeredOn(LocalDate v) {
            registeredOn = v;
            return this;
        }

        public Builder lastPurchase(LocalDate date, Integer daysSince) {
            lastPurchaseDate = date;
            daysSinceLastPurchase = daysSince;
            return this;
        }

        public Builder window(int purchases, BigDecimal spend) {
            purchasesInWindow = purchases;
            spendInWindow = spend;
            return this;
        }

        public Builder lifetime(long purchases, BigDecimal spend) {
            lifetimePurchases = purchases;
            lifetimeSpend = spend;
            return this;
        }

        public Builder checkInStreak(int v) {
            checkInStreak = v;
            return this;
        }

        public Builder pointsBalance(long v) {
            pointsBalance = v;
            return this;
        }

        public MemberView build() {
            return new MemberView(this);
        }
    }
}
