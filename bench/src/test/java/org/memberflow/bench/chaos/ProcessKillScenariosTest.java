package org.memberflow.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The process-kill scenarios of scripts/chaos, small: two servers as child JVMs on the shared stack,
 * a few thousand events, one kill each. The figures are in the output.
 */
@ExtendWith(SharedStackExtension.class)
class ProcessKillScenariosTest {
    private static ServerCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = ServerCluster.forSmallScenarios(SharedStackExtension.stack(), "small", 2);
        cluster.start();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void shouldDecideEveryActionOnceWhenServersAreKilled() {
        ScenarioResult r = KillNineScenario.run(SharedStackExtension.stack(), cluster,
                new KillNineScenario.Plan(3_000, 1, 7L, Duration.ofMinutes(3)));
        System.err.print(ChaosReport.table(List.of(r)));

        assertThat(r.failures()).isEmpty();
        assertThat(figure(r, "kills (kill -9, then restart)")).isEqualTo(1);
        assertThat(figure(r, "actions expected (oracle)")).isPositive();
        assertThat(figure(r, "campaign-decisions: duplicates")).isZero();
        assertThat(figure(r, "campaign-decisions: missing")).isZero();
        assertThat(figure(r, "action log: missing")).isZero();
        assertThat(figure(r, "campaign-actions: duplicates")).isZero();
        assertThat(figure(r, "campaign-actions: missing")).isZero();
    }

    @Test
    void shouldGiveEachMemberOneBirthdayGiftWhenTheServerFiringTheJobIsKilled() {
        ScenarioResult r = QuartzKillScenario.run(SharedStackExtension.stack(), cluster,
                new QuartzKillScenario.Plan(300, 11L, Duration.ofMinutes(2)));
        System.err.print(ChaosReport.table(List.of(r)));

        assertThat(r.failures()).isEmpty();
        assertThat(figure(r, "kills of the firing server")).isEqualTo(1);
        assertThat(figure(r, "members with a birthday gift")).isEqualTo(300);
        assertThat(figure(r, "members with two gifts for one year")).isZero();
        assertThat(figure(r, "campaign-actions (birthday): duplicates")).isZero();
        assertThat(figure(r, "campaign-actions (birthday): missing")).isZero();
    }

    static long figure(ScenarioResult r, String name) {
        return r.figures().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no figure " + name + " in " + r.figures())).value();
    }
}
