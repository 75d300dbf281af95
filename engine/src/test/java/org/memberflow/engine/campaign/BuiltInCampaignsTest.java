package org.memberflow.engine.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.memberflow.engine.action.ActionIds;
import org.memberflow.engine.action.CampaignAction;
import org.memberflow.engine.clock.ClockMode;
import org.memberflow.engine.segment.SegmentChange;
import org.memberflow.engine.support.EngineDriver;
import org.memberflow.engine.support.Events;
import org.memberflow.engine.topology.EngineOptions;
import org.memberflow.rules.decision.ActionType;
import org.memberflow.segments.Breakpoints;

/** Each built-in campaign fires once per period, on events and on the sweeps of ticks. */
class BuiltInCampaignsTest {
    private static final Duration SLICE = EngineOptions.defaults().sweepInterval();
    private final EngineDriver engine = new EngineDriver(EngineOptions.defaults().withClockMode(ClockMode.EVENT),
            Instant.parse("2026-01-01T00:00:00Z"));

    @AfterEach
    void close() {
        engine.close();
    }

    private List<CampaignAction> actionsOf(String campaign) {
        return engine.drainActions().stream().filter(a -> a.campaignId().equals(campaign)).toList();
    }

    private void sweep(String job, LocalDate date) {
        engine.tick(job, date);
        engine.runSweepSlices(2, SLICE);
    }

    @Test
    void shouldGiveTheBirthdayGiftThreeDaysBeforeTheBirthdayOncePerYear() {
        engine.send(Events.registered("m1", "2026-01-10T02:00:00Z", "{\"birthday\":\"1990-05-20\"}"));
        engine.drainActions();

        sweep("birthday", LocalDate.of(2026, 5, 16));
        assertThat(actionsOf("birthday")).isEmpty();

        sweep("birthday", LocalDate.of(2026, 5, 17));
        List<CampaignAction> gifts = actionsOf("birthday");
        assertThat(gifts).singleElement().satisfies(a -> {
            assertThat(a.periodKey()).isEqualTo("2026");
            assertThat(a.type()).isEqualTo(ActionType.ISSUE_COUPON);
            assertThat(a.actionId()).isEqualTo(ActionIds.of("birthday", "m1", "2026"));
            assertThat(a.causeEventId()).isEqualTo("tick:birthday:2026-05-17");
        });

        sweep("birthday", LocalDate.of(2026, 5, 18));
        engine.send(Events.checkIn("m1", "2026-05-19T02:00:00Z"));
        assertThat(actionsOf("birthday")).isEmpty();

        sweep("birthday", LocalDate.of(2027, 5, 17));
        assertThat(actionsOf("birthday")).extracting(CampaignAction::periodKey).containsExactly("2027");
    }

    @Test
    void shouldGiveTheGiftOnTheBirthdayItselfWhenTheEarlierSweepsWereMissed() {
        engine.send(Events.registered("m1", "2026-01-10T02:00:00Z", "{\"birthday\":\"1992-02-29\"}"));
        engine.drainActions();
        sweep("birthday", LocalDate.of(2027, 2, 28)); // no 29th in 2027: the 28th is the birthday
        assertThat(actionsOf("birthday")).extracting(CampaignAction::periodKey).containsExactly("2027");
    }

    @Test
    void shouldRecallAChurningMemberOncePerInactivityEpisode() {
        engine.send(Events.purchase("m1", "2026-03-01T02:00:00Z", "o1", "88.00"));
        engine.drainActions();

        sweep("inactivity", LocalDate.of(2026, 3, 30)); // 29 days
        assertThat(actionsOf("churn-recall")).isEmpty();

        sweep("inactivity", LocalDate.of(2026, 3, 31)); // 30 days
        assertThat(actionsOf("churn-recall")).extracting(CampaignAction::periodKey).containsExactly("2026-03-01");

        sweep("inactivity", LocalDate.of(2026, 4, 15));
        assertThat(actionsOf("churn-recall")).isEmpty();

        engine.send(Events.purchase("m1", "2026-04-20T02:00:00Z", "o2", "20.00"));
        sweep("inactivity", LocalDate.of(2026, 5, 20));
        assertThat(actionsOf("churn-recall")).extracting(CampaignAction::periodKey).containsExactly("2026-04-20");
    }

    @Test
    void shouldNotRecallAMemberWhoNeverBought() {
        engine.send(Events.registered("m1", "2026-01-10T02:00:00Z", null));
        engine.drainActions();
        sweep("inactivity", LocalDate.of(2026, 6, 1));
        assertThat(actionsOf("churn-recall")).isEmpty();
    }

    @Test
    void shouldRemindFifteenDaysBeforeALotOfAtLeast100PointsExpiresOncePerLot() {
        engine.send(Events.pointsEarned("m1", "2026-01-10T02:00:00Z", "big", 150, "2026-06-30T04:00:00Z"));
        engine.send(Events.pointsEarned("m1", "2026-01-10T03:00:00Z", "small", 99, "2026-06-30T04:00:00Z"));
        engine.drainActions();

        sweep("points-expiry", LocalDate.of(2026, 6, 14)); // 16 days before
        assertThat(actionsOf("points-expiry")).isEmpty();

        sweep("points-expiry", LocalDate.of(2026, 6, 15));
        assertThat(actionsOf("points-expiry")).singleElement().satisfies(a -> {
            assertThat(a.periodKey()).isEqualTo("big");
            assertThat(a.type()).isEqualTo(ActionType.SEND_MESSAGE);
        });

        sweep("points-expiry", LocalDate.of(2026, 6, 16));
        assertThat(actionsOf("points-expiry")).isEmpty();
    }

    @Test
    void shouldNotRemindAboutPointsAlreadyRedeemedBelow100() {
        engine.send(Events.pointsEarned("m1", "2026-01-10T02:00:00Z", "lot", 150, "2026-06-30T04:00:00Z"));
        engine.send(Events.pointsRedeemed("m1", "2026-02-10T02:00:00Z", 60));
        engine.drainActions();
        sweep("points-expiry", LocalDate.of(2026, 6, 20));
        assertThat(actionsOf("points-expiry")).isEmpty();
    }

    @Test
    void shouldAnnounceAClassChangeOnMemberSegmentsAndTagTheMember() {
        engine.send(Events.registered("m1", "2026-01-10T02:00:00Z", null));
        assertThat(engine.segments.readValue()).satisfies(c -> {
            assertThat(c.previousClass()).isNull();
            assertThat(c.rfmClass()).isEqualTo("prospect");
        });
        engine.drainActions();

        engine.send(Events.purchase("m1", "2026-01-11T02:00:00Z", "o1", "1000.00"));
        SegmentChange change = engine.segments.readValue();
        assertThat(change.previousClass()).isEqualTo("prospect");
        assertThat(change.rfmClass()).isEqualTo("important-develop"); // recent, 1 purchase, 1000 yuan
        assertThat(change.segments()).containsExactly("important-develop");
        assertThat(actionsOf("rfm-class-change")).singleElement()
                .satisfies(a -> assertThat(a.params()).containsEntry("tag", "rfm:important-develop"));

        engine.send(Events.checkIn("m1", "2026-01-12T02:00:00Z"));
        assertThat(engine.segments.isEmpty()).isTrue(); // no change, nothing on member-segments
    }

    @Test
    void shouldApplyNewBreakpointsWithoutARestart() {
        engine.send(Events.purchase("m1", "2026-01-11T02:00:00Z", "o1", "100.00"));
        engine.segments.readValuesToList();
        engine.publishBreakpoints("default", new Breakpoints(new long[] {1, 2, 3, 4}, new long[] {1, 1, 1, 1},
                new long[] {100, 200, 300, 400}, 10, 0.5, 50));
        engine.send(Events.checkIn("m1", "2026-01-12T02:00:00Z"));
        // with these means one purchase of 100 yuan a day ago is high on R, F and M
        assertThat(engine.segments.readValue().rfmClass()).isEqualTo("important-value");
    }

    @Test
    void shouldDoNothingTwiceForTheSameTick() {
        engine.send(Events.purchase("m1", "2026-03-01T02:00:00Z", "o1", "88.00"));
        engine.drainActions();
        engine.drainSnapshots();
        sweep("inactivity", LocalDate.of(2026, 4, 1));
        assertThat(engine.drainSnapshots()).hasSize(1);
        sweep("inactivity", LocalDate.of(2026, 4, 1));
        assertThat(engine.drainSnapshots()).isEmpty();
    }
}
