package org.memberflow.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The malformed-records scenario, small: 2,000 records of which 20 malformed (4 of each kind). */
@ExtendWith(SharedChaosServer.class)
class MalformedRecordsScenarioTest {

    @Test
    void shouldDeadLetterEveryMalformedRecordAndCountEveryGoodEvent(ChaosServer server) {
        ScenarioResult result = MalformedRecordsScenario.run(server, 2_000);

        result.figures().forEach(f -> System.out.println(f.name() + " = " + f.value()
                + (f.expected() == null ? "" : " (must be " + f.expected() + ")")));
        assertThat(result.failures()).isEmpty();
        assertThat(result.figures()).filteredOn(f -> f.name().startsWith("malformed records in the DLQ"))
                .singleElement().satisfies(f -> assertThat(f.value()).isEqualTo(20));
    }
}
