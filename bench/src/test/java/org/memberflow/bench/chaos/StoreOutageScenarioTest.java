package org.memberflow.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.memberflow.api.localstack.LocalStack.Server;

/** The store-outage scenario, small: Redis, then MariaDB, stopped for a few seconds under 50 events a second. */
@ExtendWith(SharedChaosServer.class)
@Order(Integer.MAX_VALUE) // last: it stops the stores of the server the other scenarios share
class StoreOutageScenarioTest {
    private static final Duration OUTAGE = Duration.ofSeconds(4);

    @Test
    void shouldAnswer503AndCatchUpWhenRedisIsDown(ChaosServer server) {
        ScenarioResult result = StoreOutageScenario.run(server, Server.REDIS, OUTAGE, 50);

        print(result);
        assertThat(result.failures()).isEmpty();
    }

    @Test
    void shouldAnswer503AndCatchUpWhenMariaDbIsDown(ChaosServer server) {
        ScenarioResult result = StoreOutageScenario.run(server, Server.MARIADB, OUTAGE, 50);

        print(result);
        assertThat(result.failures()).isEmpty();
    }

    private static void print(ScenarioResult result) {
        result.figures().forEach(f -> System.out.println(result.scenario() + ": " + f.name() + " = " + f.value()
                + (f.expected() == null ? "" : " (must be " + f.expected() + ")")));
    }
}
