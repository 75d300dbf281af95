package org.memberflow.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThroughputTest {

    @Test
    void shouldAddTheRoundsAndTakeTheLargerNoise() {
        Throughput fast = new Throughput("S3", 1_000, 10, 20, Map.of("stream threads", 15.0, "broker", 5.0), 0.05);
        Throughput slow = new Throughput("S3", 1_000, 12.5, 24, Map.of("stream threads", 18.0), 0.02);

        Throughput both = Throughput.ofRounds(List.of(fast, slow));

        assertThat(both.events()).isEqualTo(2_000);
        assertThat(both.seconds()).isEqualTo(22.5);
        assertThat(both.cpuSeconds()).isEqualTo(44);
        assertThat(both.cpuByGroup()).containsEntry("stream threads", 33.0).containsEntry("broker", 5.0);
        // 100/s and 80/s: half the range, 10, of their mean, 90
        assertThat(both.noise()).isCloseTo(10.0 / 90, within(1e-9));

        Throughput steadyRounds = Throughput.ofRounds(List.of(fast, new Throughput("S3", 1_000, 10, 20, Map.of(), 0.01)));
        assertThat(steadyRounds.noise()).as("the rounds agree: a round's own noise is larger").isEqualTo(0.05);
    }

    @Test
    void shouldLeaveOneRoundAsItIs() {
        Throughput once = new Throughput("S0", 500, 2, 3, Map.of(), Double.NaN);
        assertThat(Throughput.ofRounds(List.of(once))).isSameAs(once);
    }
}
