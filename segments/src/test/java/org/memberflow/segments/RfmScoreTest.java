package org.memberflow.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RfmScoreTest {
    private final Breakpoints defaults = Breakpoints.defaults();

    @Test
    void shouldScoreAProspectZeroAndClassItProspect() {
        RfmScore s = RfmScore.of(RfmValues.NONE, defaults);
        assertThat(s.rfmClass()).isEqualTo(RfmClass.PROSPECT);
        assertThat(s.recencyScore()).isZero();
    }

    @Test
    void shouldScoreFewerDaysHigherAndMoreSpendHigher() {
        assertThat(RfmScore.of(new RfmValues(5, 1, 100), defaults).recencyScore()).isEqualTo(5);
        assertThat(RfmScore.of(new RfmValues(300, 1, 100), defaults).recencyScore()).isEqualTo(1);
        assertThat(RfmScore.of(new RfmValues(5, 20, 100), defaults).frequencyScore()).isEqualTo(5);
        assertThat(RfmScore.of(new RfmValues(5, 1, 500_000), defaults).monetaryScore()).isEqualTo(5);
        assertThat(RfmScore.of(new RfmValues(5, 1, 100), defaults).monetaryScore()).isEqualTo(1);
    }

    @Test
    void shouldPutAValueOnABreakpointInTheLowerScore() {
        // frequency cuts 1/2/4/8: exactly 2 purchases is not above the second cut
        assertThat(RfmScore.of(new RfmValues(5, 2, 100), defaults).frequencyScore()).isEqualTo(2);
        assertThat(RfmScore.of(new RfmValues(5, 3, 100), defaults).frequencyScore()).isEqualTo(3);
        // recency cuts 30/90/180/270: exactly 30 days still scores 5, 31 scores 4
        assertThat(RfmScore.of(new RfmValues(30, 1, 100), defaults).recencyScore()).isEqualTo(5);
        assertThat(RfmScore.of(new RfmValues(31, 1, 100), defaults).recencyScore()).isEqualTo(4);
    }

    @Test
    void shouldClassAgainstTheMeansWithTiesLow() {
        // means: 120 days, 3 purchases, 600 yuan
        assertThat(RfmScore.of(new RfmValues(10, 5, 100_000), defaults).rfmClass()).isEqualTo(RfmClass.IMPORTANT_VALUE);
        assertThat(RfmScore.of(new RfmValues(10, 1, 100_000), defaults).rfmClass()).isEqualTo(RfmClass.IMPORTANT_DEVELOP);
        assertThat(RfmScore.of(new RfmValues(200, 5, 100_000), defaults).rfmClass()).isEqualTo(RfmClass.IMPORTANT_KEEP);
        assertThat(RfmScore.of(new RfmValues(200, 1, 100_000), defaults).rfmClass()).isEqualTo(RfmClass.IMPORTANT_RETAIN);
        assertThat(RfmScore.of(new RfmValues(10, 5, 100), defaults).rfmClass()).isEqualTo(RfmClass.GENERAL_VALUE);
        assertThat(RfmScore.of(new RfmValues(10, 1, 100), defaults).rfmClass()).isEqualTo(RfmClass.GENERAL_DEVELOP);
        assertThat(RfmScore.of(new RfmValues(200, 5, 100), defaults).rfmClass()).isEqualTo(RfmClass.GENERAL_KEEP);
        assertThat(RfmScore.of(new RfmValues(200, 1, 100), defaults).rfmClass()).isEqualTo(RfmClass.GENERAL_RETAIN);
        // exactly at the means: R is not more recent, F and M are not above: all low
        assertThat(RfmScore.of(new RfmValues(120, 3, 60_000), defaults).rfmClass()).isEqualTo(RfmClass.GENERAL_RETAIN);
    }

    @Test
    void shouldLearnQuintilesAndMeansFromThePopulationLeavingProspectsOut() {
        List<RfmValues> population = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            population.add(new RfmValues(i * 10, i, i * 1_000L));
        }
        population.add(RfmValues.NONE);

        Breakpoints b = Breakpoints.fromPopulation(population);

        assertThat(b.recencyCuts()).containsExactly(20, 40, 60, 80);
        assertThat(b.frequencyCuts()).containsExactly(2, 4, 6, 8);
        assertThat(b.monetaryCuts()).containsExactly(2_000, 4_000, 6_000, 8_000);
        assertThat(b.meanFrequency()).isEqualTo(5.5);
        assertThat(b.meanRecency()).isEqualTo(55.0);
    }

    @Test
    void shouldLearnFromASingleMember() {
        Breakpoints b = Breakpoints.fromPopulation(List.of(new RfmValues(7, 2, 500)));
        assertThat(b.recencyCuts()).containsExactly(7, 7, 7, 7);
        // the only member sits on every cut and on every mean: lowest scores, all low
        RfmScore s = RfmScore.of(new RfmValues(7, 2, 500), b);
        assertThat(s.frequencyScore()).isEqualTo(1);
        assertThat(s.recencyScore()).isEqualTo(5);
        assertThat(s.rfmClass()).isEqualTo(RfmClass.GENERAL_RETAIN);
    }

    @Test
    void shouldFallBackToDefaultsWithNoBuyers() {
        assertThat(Breakpoints.fromPopulation(List.of(RfmValues.NONE))).isEqualTo(Breakpoints.defaults());
    }

    @Test
    void shouldRefuseMalformedCuts() {
        assertThatThrownBy(() -> new Breakpoints(new long[] {1, 2, 3}, new long[4], new long[4], 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Breakpoints(new long[] {4, 3, 2, 1}, new long[4], new long[4], 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
