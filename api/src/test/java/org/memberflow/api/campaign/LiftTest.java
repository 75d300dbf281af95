package org.memberflow.api.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Against the worked examples of Newcombe (1998), Table II, method 10. */
class LiftTest {

    @Test
    void shouldMatchNewcombesExamples() {
        assertInterval(Lift.of(56, 70, 48, 80), 0.2, 0.0524, 0.3339);
        assertInterval(Lift.of(9, 10, 3, 10), 0.6, 0.1705, 0.8090);
        assertInterval(Lift.of(5, 56, 0, 29), 0.0893, -0.0381, 0.1926);
    }

    @Test
    void shouldGiveTheRelativeLiftAgainstControl() {
        Lift lift = Lift.of(30, 100, 20, 100);

        assertThat(lift.relative()).isCloseTo(0.5, within(1e-9));
        assertThat(Lift.of(5, 56, 0, 29).relative()).isNull();
    }

    @Test
    void shouldHaveNoLiftWithoutBothGroups() {
        assertThat(Lift.of(3, 10, 0, 0)).isNull();
        assertThat(Lift.of(0, 0, 3, 10)).isNull();
    }

    private static void assertInterval(Lift lift, double difference, double low, double high) {
        assertThat(lift.difference()).isCloseTo(difference, within(1e-4));
        assertThat(lift.low()).isCloseTo(low, within(1e-4));
        assertThat(lift.high()).isCloseTo(high, within(1e-4));
    }
}
