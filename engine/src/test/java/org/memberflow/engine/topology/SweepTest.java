package org.memberflow.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.memberflow.engine.action.CampaignAction;
import org.memberflow.engine.segment.MemberSnapshot;
import org.memberflow.engine.support.EngineDriver;
import org.memberflow.engine.support.Events;

/** Sweeps walk the members in chunks, one chunk per punctuation, in wall-clock mode. */
class SweepTest {
    private static final Duration SLICE = EngineOptions.defaults().sweepInterval();
    private final EngineDriver engine = new EngineDriver(EngineOptions.defaults().withSweepChunk(2)
            .withStoreKind(storeKind()), Instant.parse("2026-03-01T02:00:00Z"));

    /** RocksDB, as a server runs; {@link InMemorySweepTest} runs every test again over in-memory stores. */
    EngineOptions.StoreKind storeKind() {
        return EngineOptions.StoreKind.ROCKSDB;
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private void fiveMembersWhoBoughtOnMarch1() {
        for (int i = 1; i <= 5; i++) {
            engine.send(Events.purchase("m" + i, "2026-03-01T02:00:00Z", "o" + i, "10.00"));
        }
        engine.drainActions();
        engine.drainSnapshots();
        engine.drainStateWrites();
    }

    @Test
    void shouldSweepInChunksFromACursorUntilEveryMemberIsDone() {
        fiveMembersWhoBoughtOnMarch1();
        engine.clock.advance(Duration.ofDays(30)); // wall clock: 31 March, 30 days since the purchases
        engine.tick("inactivity", LocalDate.of(2026, 3, 31));

        // 30 days without a purchase: each member gets the first churn-recall stage
        engine.runSweepSlices(1, SLICE);
        assertThat(engine.drainActions()).extracting(CampaignAction::memberId).containsExactly("m1", "m2");
        engine.runSweepSlices(1, SLICE);
        assertThat(engine.drainActions()).extracting(CampaignAction::memberId).containsExactly("m3", "m4");
        engine.runSweepSlices(1, SLICE);
        assertThat(engine.drainActions()).extracting(CampaignAction::memberId).containsExactly("m5");
        engine.runSweepSlices(3, SLICE);
        assertThat(engine.drainActions()).isEmpty();
    }

    @Test
    void shouldSweepEveryMemberOnceAgainAlongTheFencesTheFirstSweepLeft() {
        fiveMembersWhoBoughtOnMarch1();
        engine.send(Events.purchase("m0", "2026-03-01T02:00:00Z", "o0", "10.00")); // before the first fence
        engine.clock.advance(Duration.ofDays(30));
        engine.tick("inactivity", LocalDate.of(2026, 3, 31));
        engine.runSweepSlices(5, SLICE);
        assertThat(engine.drainActions()).extracting(CampaignAction::memberId)
                .containsExactly("m0", "m1", "m2", "m3", "m4", "m5");

        engine.send(Events.purchase("m35", "2026-03-31T02:00:00Z", "o35", "10.00")); // between two fences
        engine.clock.advance(Duration.ofDays(30));
        engine.tick("inactivity", LocalDate.of(2026, 4, 30));
        engine.runSweepSlices(1, SLICE);
        assertThat(engine.sweep("inactivity", LocalDate.of(2026, 4, 30)).members()).isEqualTo(2);
        engine.runSweepSlices(6, SLICE);

        SweepCursor second = engine.sweep("inactivity", LocalDate.of(2026, 4, 30));
        assertThat(second.done()).isTrue();
        assertThat(second.members()).isEqualTo(7);
        // 30 days for m35: the first churn-recall stage; 60 days for the others: the second stage
        List<CampaignAction> actions = engine.drainActions();
        assertThat(actions).filteredOn(a -> a.campaignId().equals("churn-recall")).extracting(CampaignAction::memberId)
                .containsExactly("m35");
        assertThat(actions).filteredOn(a -> a.campaignId().equals("churn-recall-60"))
                .extracting(CampaignAction::memberId).containsExactlyInAnyOrder("m0", "m1", "m2", "m3", "m4", "m5");
        assertThat(actions).hasSize(7);
    }

    @Test
    void shouldLetRecencyDecayWithTheWallClockWithoutAnyEvent() {
        fiveMembersWhoBoughtOnMarch1();
        engine.clock.advance(Duration.ofDays(200));
        engine.tick("rfm", LocalDate.of(2026, 9, 17));
        engine.runSweepSlices(3, SLICE);

        MemberSnapshot m1 = engine.lastSnapshot("m1");
        assertThat(m1.recencyDays()).isEqualTo(200);
        assertThat(m1.recencyScore()).isEqualTo(2); // cuts 30/90/180/270
    }

    @Test
    void shouldIgnoreARepeatedTickWhileItsSweepRunsAndAfter() {
        fiveMembersWhoBoughtOnMarch1();
        engine.clock.advance(Duration.ofDays(30));
        engine.tick("inactivity", LocalDate.of(2026, 3, 31));
        engine.runSweepSlices(1, SLICE);
        engine.tick("inactivity", LocalDate.of(2026, 3, 31)); // again, mid-sweep
        engine.runSweepSlices(5, SLICE);
        engine.tick("inactivity", LocalDate.of(2026, 3, 31)); // again, after
        engine.runSweepSlices(5, SLICE);

        assertThat(engine.drainActions()).hasSize(5);
    }

    @Test
    void shouldIgnoreATickForADayLongPastWhenOnTheWallClock() {
        fiveMembersWhoBoughtOnMarch1();
        engine.clock.advance(Duration.ofDays(60));
        engine.tick("inactivity", LocalDate.of(2026, 3, 31)); // 30 days ago: a replayed, stale tick
        engine.runSweepSlices(5, SLICE);
        assertThat(engine.drainSnapshots()).isEmpty();
        assertThat(engine.drainActions()).isEmpty();
    }

    @Test
    void shouldRunTwoJobsOneAfterTheOther() {
        fiveMembersWhoBoughtOnMarch1();
        engine.clock.advance(Duration.ofDays(30));
        engine.tick("inactivity", LocalDate.of(2026, 3, 31));
        engine.tick("birthday", LocalDate.of(2026, 3, 31));
        engine.runSweepSlices(3, SLICE);
        assertThat(engine.drainActions()).hasSize(5);
        assertThat(engine.drainStateWrites()).hasSize(5); // the actions taken are recorded in the state

        engine.runSweepSlices(3, SLICE);
        assertThat(engine.drainActions()).isEmpty();
        assertThat(engine.drainStateWrites()).as("the second job of the day changes nothing").isEmpty();
    }

    @Test
    void shouldSendAndWriteBackOnlyWhatTheDayChanged() {
        fiveMembersWhoBoughtOnMarch1();
        engine.send(Events.checkIn("m2", "2026-03-01T03:00:00Z"));
        engine.drainSnapshots();
        engine.drainStateWrites();

        engine.clock.advance(Duration.ofDays(1)); // 2 March: one more day since the purchases, nothing else
        engine.tick("rfm", LocalDate.of(2026, 3, 2));
        engine.runSweepSlices(3, SLICE);
        // m2's streak as of today is still 1 (they may check in today); nobody's scores moved
        assertThat(engine.drainSnapshots()).isEmpty();
        assertThat(engine.drainStateWrites()).isEmpty();

        engine.clock.advance(Duration.ofDays(1)); // 3 March: m2 missed a day, so the streak is broken
        engine.tick("rfm", LocalDate.of(2026, 3, 3));
        engine.runSweepSlices(3, SLICE);
        assertThat(engine.drainSnapshots()).extracting(r -> r.key()).containsExactly("m2");
        assertThat(engine.drainStateWrites()).containsExactly("m2");
        engine.send(Events.checkIn("m1", "2026-03-03T03:00:00Z"));
        assertThat(engine.lastSnapshot("m1").recencyDays()).isEqualTo(2); // an event always sends its snapshot
    }
}
