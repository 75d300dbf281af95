package org.memberflow.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NoiseTest {

    @Test
    void shouldBeHalfTheRangeOfTheSlicesRelativeToTheirMean() {
        assertThat(Noise.of(90, 100, 110, 100)).isCloseTo(0.10, within(1e-9));
        assertThat(Noise.of(50, 50, 50, 50)).isZero();
    }

    @Test
    void shouldBeUnknownWithoutTwoSlicesOrWithoutAnything() {
        assertThat(Noise.of(100)).isNaN();
        assertThat(Noise.of(0, 0)).isNaN();
        assertThat(Noise.plusMinus(0.5, Double.NaN)).isEmpty();
        assertThat(Noise.percent(Double.NaN)).isEmpty();
    }

    @Test
    void shouldAddTheNoisesOfARatiosTwoFigures() {
        assertThat(Noise.ofRatio(0.03, 0.04)).isCloseTo(0.05, within(1e-9));
        assertThat(Noise.plusMinus(0.5, 0.1)).isEqualTo(" ± 0.05");
        assertThat(Noise.percent(0.07)).isEqualTo(" (± 7%)");
    }
}
