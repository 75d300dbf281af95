package org.memberflow.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The replay scenario, small: 100 members' history replayed by a second engine from offset 0. */
@ExtendWith(SharedChaosServer.class)
class ReplayScenarioTest {

    @Test
    void shouldRecordSpendAndDeliverNothingAgainWhenHistoryIsReplayed(ChaosServer server) {
        ScenarioResult result = ReplayScenario.run(server, 100);

        result.figures().forEach(f -> System.out.println(result.scenario() + ": " + f.name() + " = " + f.value()
                + (f.expected() == null ? "" : " (must be " + f.expected() + ")")));
        assertThat(result.failures()).isEmpty();
    }
}
