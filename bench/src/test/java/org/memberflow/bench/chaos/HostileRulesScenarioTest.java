package org.memberflow.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The hostile-rules scenario, small: the whole hostile corpus and spreadsheets, and 24 fuzzed tables. */
@ExtendWith(SharedChaosServer.class)
class HostileRulesScenarioTest {

    @Test
    void shouldRefuseEveryHostileRuleSetAndNeverFailOnAFuzzedTable(ChaosServer server) {
        ScenarioResult result = HostileRulesScenario.run(server, HostileCorpus.locate(), 24);

        result.figures().forEach(f -> System.out.println(result.scenario() + ": " + f.name() + " = " + f.value()
                + (f.expected() == null ? "" : " (must be " + f.expected() + ")")));
        assertThat(result.failures()).isEmpty();
        assertThat(result.figures()).filteredOn(f -> f.name().equals("hostile files uploaded")).singleElement()
                .satisfies(f -> assertThat(f.value()).isGreaterThan(50));
    }
}
