package org.memberflow.engine.member;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.memberflow.engine.action.ActionIds;
import org.memberflow.engine.action.CampaignAction;
import org.memberflow.engine.segment.MemberSnapshot;
import org.memberflow.engine.segment.SnapshotDigest;
import org.memberflow.engine.segment.SegmentChange;
import org.memberflow.rules.decision.Decision;
import org.memberflow.rules.fact.MemberEvent;
import org.memberflow.rules.fact.PointsLot;
import org.memberflow.rules.fact.Tick;
import org.memberflow.rules.fact.Today;
import org.memberflow.rules.session.RuleFailedException;
import org.memberflow.rules.session.RuleOutcome;
import org.memberflow.rules.session.Rules;
import org.memberflow.segments.Breakpoints;
import org.memberflow.segments.MemberCalendar;
import org.memberflow.segments.RfmClass;
import org.memberflow.segments.RfmScore;

/**
 * One unit of work on one member, after the event (if any) is folded in: expire what is stale,
 * score RFM, run the rules with every fact, keep only decisions not yet taken for their campaign
 * and period, and record them in the state. The caller stores the state and emits the results.
 */
public final class MemberEvaluator {
    private final Rules rules;
    private final int windowDays;

    public MemberEvaluator(Rules rules, int windowDays) {
        this.rules = rules;
        this.windowDays = windowDays;
    }

    /**
     * @param event the event being processed, or null in a sweep
     * @param tick  the tick of the sweep, or null for an event
     * @param now   the engine clock's now (wall time, or the event's time when replaying)
     */
    public Evaluation evaluate(String memberId, MemberState state, MemberEvent event, Tick tick, Instant now,
            Breakpoints breakpoints) {
        LocalDate today = tick != null ? tick.getDate() : MemberCalendar.day(now, state.timeZone);
        boolean expired = EventFolder.expire(state, now, today, windowDays);
        RfmScore score = RfmScore.of(state.purchases.rfm(today, windowDays), breakpoints);
        RfmClass previous = state.rfmClass;

        List<Object> facts = new ArrayList<>(8);
        if (event != null) {
            facts.add(event);
        }
        if (tick != null) {
            facts.add(tick);
        }
        facts.add(new Today(today));
        facts.add(MemberFacts.view(memberId, state, today, score));
        facts.add(MemberFacts.rfmProfile(score));
        facts.add(MemberFacts.segment(score, previous));
        facts.add(MemberFacts.history(state));
        List<PointsLot> lots = MemberFacts.lots(state, today);
        facts.addAll(lots);

        RuleOutcome outcome = rules.evaluate(facts);
        if (outcome.capped()) {
            throw new RuleFailedException("rule firing limit of " + outcome.firings() + " reached: too many matches for"
                    + " one member (a cross product of facts?)");
        }
        String cause = event != null ? event.getEventId() : "tick:" + tick.getJob() + ":" + tick.getDate();
        String version = outcome.ruleSetVersion();
        List<CampaignAction> actions = new ArrayList<>();
        // In milliseconds, as the action log keeps it, so both agree; most evaluations decide nothing.
        Instant decidedAt = outcome.decisions().isEmpty() ? now : now.truncatedTo(ChronoUnit.MILLIS);
        Set<String> decidedNow = new HashSet<>();
        for (Decision d : outcome.decisions()) {
            if (state.hasActed(d.campaignId(), d.periodKey()) || !decidedNow.add(d.campaignId() + '\u001f' + d.periodKey())) {
                continue; // once per campaign and period, whatever the rules say
            }
            state.recordActed(d.campaignId(), d.periodKey());
            actions.add(new CampaignAction(ActionIds.of(d.campaignId(), memberId, d.periodKey()), state.brandId, memberId,
                    d.campaignId(), d.periodKey(), d.type(), d.params(), d.rule(), version, cause, decidedAt, null,
                    state.timeZone == null ? null : state.timeZone.getId()));
        }

        // The class the rules gave (the built-in table), or the thresholds' for a set without one.
        RfmClass rfmClass = outcome.rfmClass() != null ? outcome.rfmClass() : score.rfmClass();
        state.rfmClass = rfmClass;
        SegmentChange change = previous == rfmClass ? null : new SegmentChange(memberId, state.brandId,
                previous == null ? null : previous.code(), rfmClass.code(),
                previous == null ? List.of() : List.of(previous.code()), List.of(rfmClass.code()), now);
        MemberSnapshot snapshot = snapshot(memberId, state, score, rfmClass, lots, today, now);
        long digest = SnapshotDigest.of(snapshot);
        boolean snapshotChanged = digest != state.snapshotDigest;
        state.snapshotDigest = digest;
        boolean stateChanged = expired || !actions.isEmpty() || change != null || snapshotChanged;
        return new Evaluation(actions, change, snapshot, outcome.firedRules(), snapshotChanged, stateChanged);
    }

    private static MemberSnapshot snapshot(String memberId, MemberState s, RfmScore score, RfmClass rfmClass,
            List<PointsLot> lots, LocalDate today, Instant now) {
        LocalDate nextExpiry = lots.stream().map(PointsLot::getExpiresOn).filter(d -> d != null).min(LocalDate::compareTo)
                .orElse(null);
        return new MemberSnapshot(memberId, s.brandId, s.tier, s.tags, s.birthday,
                s.timeZone == null ? null : s.timeZone.getId(), s.registeredOn,
                score.values().isProspect() ? null : score.values().recencyDays(), score.values().frequency(),
                MemberFacts.yuan(score.values().monetaryFen()), score.recencyScore(), score.frequencyScore(),
                score.monetaryScore(), rfmClass.code(), s.pointsBalance(), nextExpiry, s.lastPurchaseDay,
                s.lifetimePurchases, MemberFacts.yuan(s.lifetimeSpendFen), MemberFacts.streakAsOf(s, today), s.eventCount,
                now);
    }
}
