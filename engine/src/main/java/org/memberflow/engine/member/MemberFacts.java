package org.memberflow.engine.member;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.memberflow.rules.fact.CampaignHistory;
import org.memberflow.rules.fact.MemberView;
import org.memberflow.rules.fact.PointsLot;
import org.memberflow.rules.fact.RfmProfile;
import org.memberflow.rules.fact.Segment;
import org.memberflow.rules.session.PendingSegment;
import org.memberflow.segments.MemberCalendar;
import org.memberflow.segments.RfmClass;
import org.memberflow.segments.RfmScore;

/** Turns a member's state into the facts rules see (the vocabulary in rules/README.md). */
final class MemberFacts {
    private MemberFacts() {
    }

    static MemberView view(String memberId, MemberState s, LocalDate today, RfmScore score) {
        MemberView.Builder b = MemberView.builder(memberId, s.brandId)
                .tier(s.tier)
                .tags(s.tags)
                .timeZone(s.timeZone)
                .registeredOn(s.registeredOn)
                .window(score.values().frequency(), yuan(score.values().monetaryFen()))
                .lifetime(s.lifetimePurchases, yuan(s.lifetimeSpendFen))
                .checkInStreak(streakAsOf(s, today))
                .pointsBalance(s.pointsBalance());
        if (s.birthday != null) {
            b.birthday(s.birthday, MemberCalendar.nextBirthday(s.birthday, today),
                    MemberCalendar.daysUntilBirthday(s.birthday, today));
        }
        if (s.lastPurchaseDay != null) {
            b.lastPurchase(s.lastPurchaseDay, (int) ChronoUnit.DAYS.between(s.lastPurchaseDay, today));
        }
        return b.build();
    }

    static List<PointsLot> lots(MemberState s, LocalDate today) {
        ZoneId zone = MemberCalendar.zoneOrDefault(s.timeZone);
        List<PointsLot> lots = new ArrayList<>(s.lots.size());
        for (MemberState.Lot l : s.lots) {
            if (l.expires()) {
                Instant at = Instant.ofEpochSecond(l.expiresAtSecond());
                LocalDate on = LocalDate.ofInstant(at, zone);
                lots.add(new PointsLot(l.lotId(), l.points(), at, on, (int) ChronoUnit.DAYS.between(today, on)));
            } else {
                lots.add(new PointsLot(l.lotId(), l.points(), null, null, null));
            }
        }
        return lots;
    }

    /** What the classification rules decide from. */
    static RfmProfile rfmProfile(RfmScore score) {
        return new RfmProfile(score.values().isProspect(), score.recencyHigh(), score.frequencyHigh(),
                score.monetaryHigh(), score.recencyScore(), score.frequencyScore(), score.monetaryScore(),
                recencyDays(score), score.values().frequency(), yuan(score.values().monetaryFen()));
    }

    /** The Segment fact, made once the rules have classed the member (the thresholds' class if none did). */
    static PendingSegment segment(RfmScore score, RfmClass previous) {
        return new PendingSegment() {
            @Override
            public RfmClass defaultClass() {
                return score.rfmClass();
            }

            @Override
            public Segment classifiedAs(RfmClass rfmClass) {
                return new Segment(rfmClass, previous, score.recencyScore(), score.frequencyScore(),
                        score.monetaryScore(), recencyDays(score), score.values().frequency(),
                        yuan(score.values().monetaryFen()));
            }
        };
    }

    private static Integer recencyDays(RfmScore score) {
        return score.values().isProspect() ? null : score.values().recencyDays();
    }

    /** A view of the member's campaign history: the state does not change while the rules run. */
    static CampaignHistory history(MemberState s) {
        return new CampaignHistory(s.actedPeriods);
    }

    /** A streak only lasts while the member checked in today or yesterday. */
    static int streakAsOf(MemberState s, LocalDate today) {
        if (s.lastCheckInDay == null || s.lastCheckInDay.isBefore(today.minusDays(1))) {
            return 0;
        }
        return s.checkInStreak;
    }

    static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }
}
