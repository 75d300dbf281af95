package org.memberflow.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdComparisonTest {

    @Test
    void shouldFindNothingWhenEveryIdIsSeenAsOftenAsExpected() {
        IdComparison c = IdComparison.of(Map.of("a", 1, "b", 2), Map.of("a", 1, "b", 2));

        assertThat(c.duplicates() + c.missing() + c.extra()).isZero();
        assertThat(c.failures("log")).isEmpty();
    }

    @Test
    void shouldCountDuplicatesMissingAndExtraIds() {
        IdComparison c = IdComparison.of(Set.of("a", "b", "c"), Map.of("a", 3, "b", 1, "x", 1));

        assertThat(c.duplicates()).isEqualTo(2);
        assertThat(c.missing()).isEqualTo(1);
        assertThat(c.extra()).isEqualTo(1);
        assertThat(c.failures("campaign-actions")).singleElement().asString()
                .contains("2 duplicate, 1 missing, 1 extra", "duplicate a x3", "missing c", "extra x");
    }
}
