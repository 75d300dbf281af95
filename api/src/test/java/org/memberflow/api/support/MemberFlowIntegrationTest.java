package org.memberflow.api.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test of the whole server on the real local stack (MariaDB, Redis, Kafka), started once per
 * JVM by {@link LocalStackExtension}; the Spring context is shared between test classes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LocalStackExtension.class)
// The rule-set reconciler's timer is off: a test that puts a stray record on rule-sets must see it
// stay there until it calls the reconciler itself. The job schedules are paused: no sweep or
// breakpoints run starts on the clock in the middle of a test (tests run jobs by hand). Webhook
// retries come quickly, and a delivery is dead after three failures. The daily cap is the default's,
// whatever the environment says. The first ADMIN key is the tests' own (TestKeys).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"memberflow.rule-sets.reconcile-interval=0s", "memberflow.jobs.paused=true",
                "memberflow.webhooks.poll-interval=200ms", "memberflow.webhooks.first-backoff=100ms",
                "memberflow.webhooks.max-attempts=3", "memberflow.delivery.member-daily-cap=5",
                "memberflow.security.first-admin-key=" + TestKeys.ADMIN})
public @interface MemberFlowIntegrationTest {
}
