package org.memberflow.api.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartitionCheckTest {

    @Test
    void shouldAcceptAnyPartitionsBeforeTheTopicExists() {
        assertThat(PartitionCheck.problem(null, 12)).isNull();
    }

    @Test
    void shouldAcceptTheTopicsOwnPartitions() {
        assertThat(PartitionCheck.problem(3, 3)).isNull();
    }

    @Test
    void shouldRefuseAnotherCountForAnExistingTopic() {
        assertThat(PartitionCheck.problem(3, 6)).contains("member-events has 3 partitions",
                "MEMBERFLOW_ENGINE_PARTITIONS", "is 6", "Set it to 3");
    }
}
