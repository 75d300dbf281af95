package org.memberflow.segments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PurchaseHistoryTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    private static final int WINDOW = 365;

    @Test
    void shouldGiveNoValuesWithoutPurchases() {
        RfmValues v = new PurchaseHistory().rfm(TODAY, WINDOW);
        assertThat(v.isProspect()).isTrue();
        assertThat(v.frequency()).isZero();
        assertThat(v.recencyDays()).isEqualTo(-1);
    }

    @Test
    void shouldCountRecencyFrequencyAndNetSpend() {
        PurchaseHistory h = new PurchaseHistory();
        h.recordPurchase(TODAY.minusDays(40), 12_000);
        h.recordPurchase(TODAY.minusDays(10), 3_050);
        h.recordPurchase(TODAY.minusDays(10), 1_000);

        assertThat(h.rfm(TODAY, WINDOW)).isEqualTo(new RfmValues(10, 3, 16_050));
        assertThat(h.lastPurchaseDay()).isEqualTo(TODAY.minusDays(10));
    }

    @Test
    void shouldScoreAPurchaseMadeTodayAsRecencyZero() {
        PurchaseHistory h = new PurchaseHistory();
        h.recordPurchase(TODAY, 500);
        assertThat(h.rfm(TODAY, WINDOW).recencyDays()).isZero();
    }

    @Test
    void shouldUncountAFullyRefundedOrderAndKeepPartialRefundsCounted() {
        PurchaseHistory h = new PurchaseHistory();
        LocalDate orderDay = TODAY.minusDays(5);
        h.recordPurchase(orderDay, 10_000);
        h.recordPurchase(TODAY.minusDays(20), 4_000);

        h.recordRefund(orderDay, 2_500, false);
        assertThat(h.rfm(TODAY, WINDOW)).isEqualTo(new RfmValues(5, 2, 11_500));

        h.recordRefund(orderDay, 7_500, true);
        // the refunded day no longer counts: recency falls back to the older purchase
        assertThat(h.rfm(TODAY, WINDOW)).isEqualTo(new RfmValues(20, 1, 4_000));
    }

    @Test
    void shouldMakeAMemberWhoseOnlyOrderIsRefundedAProspect() {
        PurchaseHistory h = new PurchaseHistory();
        h.recordPurchase(TODAY.minusDays(3), 9_900);
        h.recordRefund(TODAY.minusDays(3), 9_900, true);
        assertThat(h.rfm(TODAY, WINDOW).isProspect()).isTrue();
    }

    @Test
    void shouldIncludeTheFirstDayOfTheWindowAndExcludeTheDayBefore() {
        PurchaseHistory h = new PurchaseHistory();
        h.recordPurchase(TODAY.minusDays(WINDOW - 1), 1_000); // first day of the window
        assertThat(h.rfm(TODAY, WINDOW)).isEqualTo(new RfmValues(WINDOW - 1, 1, 1_000));
        assertThat(h.rfm(TODAY.plusDays(1), WINDOW).isProspect()).isTrue();
    }

    @Test
    void shouldIgnorePurchasesDatedAfterToday() {
        PurchaseHistory h = new PurchaseHistory();
        h.recordPurchase(TODAY.plusDays(1), 1_000);
        assertThat(h.rfm(TODAY, WINDOW).isProspect()).isTrue();
    }

    @Test
    void shouldKeepBucketsInDayOrderWhateverTheOrderOfArrival() {
        PurchaseHistory h = new PurchaseHistory();
        for (int d : new int[] {9, 2, 7, 2, 30, 1, 15, 4, 8}) {
            h.recordPurchase(TODAY.minusDays(d), 100);
        }
        assertThat(h.size()).isEqualTo(8);
        for (int i = 1; i < h.size(); i++) {
            assertThat(h.epochDay(i)).isGreaterThan(h.epochDay(i - 1));
        }
        assertThat(h.rfm(TODAY, WINDOW)).isEqualTo(new RfmValues(1, 9, 900));
    }

    @Test
    void shouldForgetDaysBeforeTheWindowSoTheHistoryStaysBounded() {
        PurchaseHistory h = new PurchaseHistory();
        for (int d = 0; d < 1000; d++) {
            h.recordPurchase(TODAY.minusDays(d), 100);
        }
        h.forgetBefore(TODAY.minusDays(WINDOW - 1));
        assertThat(h.size()).isEqualTo(WINDOW);
        assertThat(h.rfm(TODAY, WINDOW).frequency()).isEqualTo(WINDOW);
    }

    @Test
    void shouldRebuildTheSameHistoryFromItsBuckets() {
        PurchaseHistory h = new PurchaseHistory();
        h.recordPurchase(TODAY.minusDays(3), 100);
        h.recordPurchase(TODAY.minusDays(1), 250);
        long[] days = new long[h.size()];
        int[] counts = new int[h.size()];
        long[] fen = new long[h.size()];
        for (int i = 0; i < h.size(); i++) {
            days[i] = h.epochDay(i);
            counts[i] = h.purchases(i);
            fen[i] = h.netFen(i);
        }
        assertThat(PurchaseHistory.of(days, counts, fen).rfm(TODAY, WINDOW)).isEqualTo(h.rfm(TODAY, WINDOW));
    }
}
