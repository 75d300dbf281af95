package org.memberflow.api.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.memberflow.api.MemberFlowApplication;
import org.memberflow.api.support.Http;
import org.memberflow.api.support.TestKeys;
import org.memberflow.api.support.LocalStackExtension;
import org.memberflow.engine.action.CampaignAction;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 6's acceptance: a generated population whose birthday is the day swept gets exactly one
 * birthday coupon per member that year, however often the job runs and across a restart of the server.
 * The server here is started and stopped by the test itself (on the shared local stack, with a
 * state directory of its own), so the restart is a real one: a new Spring context, a new engine
 * restoring its state, new delivery consumers. If the shared test server of the other classes is
 * running, it is a second instance of the cluster meanwhile, as in production.
 */
@ExtendWith(LocalStackExtension.class)
class BirthdayOncePerYearTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int MEMBERS = 300;
    private static final String[] TIERS = {"gold", "silver", null};

    @Test
    void shouldGiveEachMemberOneBirthdayCouponAYearAcrossJobRerunsAndARestart() throws Exception {
        // Yesterday's sweep: today's birthday sweep is another test's (a tick runs once per job and day).
        LocalDate day = LocalDate.now(SHANGHAI).minusDays(1);
        Assumptions.assumeFalse(day.getMonthValue() == 2 && day.getDayOfMonth() == 29, "no birth year to pick");
        Path stateDir = Files.createTempDirectory("memberflow-birthday-");
        try {
            runTwiceAcrossARestart(day, stateDir);
        } finally {
            FileSystemUtils.deleteRecursively(stateDir);
        }
    }

    private void runTwiceAcrossARestart(LocalDate day, Path stateDir) throws Exception {
        String prefix = "bday-" + UUID.randomUUID().toString().substring(0, 8) + "-";

        try (ConfigurableApplicationContext server = startServer(stateDir)) {
            Http http = http(server);
            List<String> registrations = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                String tier = TIERS[i % TIERS.length];
                registrations.add("{\"eventId\":\"r-" + UUID.randomUUID() + "\",\"memberId\":\"" + prefix + i
                        + "\",\"type\":\"REGISTERED\",\"occurredAt\":\"" + Instant.now() + "\",\"profile\":{"
                        + (tier == null ? "" : "\"tier\":\"" + tier + "\",") + "\"birthday\":\""
                        + day.withYear(1970 + i % 40) + "\",\"timeZone\":\"Asia/Shanghai\"}}");
            }
            for (int from = 0; from < MEMBERS; from += 100) {
                assertThat(http.postJson("/api/v1/events", "[" + String.join(",", registrations.subList(from, from + 100))
                        + "]").statusCode()).isEqualTo(202);
            }
            JdbcTemplate jdbc = server.getBean(JdbcTemplate.class);
            await().atMost(WAIT).until(() -> rows(jdbc, "welcome", prefix) == MEMBERS); // the engine has them

            runBirthdayJob(http, day);
            await().atMost(WAIT).until(() -> rows(jdbc, "birthday", prefix) == MEMBERS);
            runBirthdayJob(http, day);
            await().during(Duration.ofSeconds(5)).atMost(WAIT).until(() -> rows(jdbc, "birthday", prefix) == MEMBERS);
        }

        try (ConfigurableApplicationContext restarted = startServer(stateDir)) {
            Http http = http(restarted);
            JdbcTemplate jdbc = restarted.getBean(JdbcTemplate.class);
            runBirthdayJob(http, day);
            runBirthdayJob(http, day);
            await().during(Duration.ofSeconds(5)).atMost(WAIT).until(() -> rows(jdbc, "birthday", prefix) == MEMBERS);
            // The engine's tick memory kept those runs from deciding again. Past it, the delivery
            // stage: the year's decisions sent once more (an engine replaying from scratch) add nothing.
            DeliveryTopics topics = new DeliveryTopics(bootstrap(restarted));
            topics.resend(topics.decisions("birthday", prefix));
            List<ConsumerRecord<byte[], byte[]>> replayed = topics.decisions("birthday", prefix);
            assertThat(replayed).hasSize(2 * MEMBERS);
            await().atMost(WAIT).until(() -> topics.settledPast(replayed));
            assertThat(rows(jdbc, "birthday", prefix)).isEqualTo(MEMBERS);

            assertThat(jdbc.queryForList("SELECT DISTINCT outcome FROM campaign_action WHERE campaign_id = 'birthday'"
                    + " AND member_id LIKE ?", String.class, prefix + "%")).containsExactly("DELIVERED");
            assertThat(jdbc.queryForList("SELECT DISTINCT period_key FROM campaign_action WHERE campaign_id = 'birthday'"
                    + " AND member_id LIKE ?", String.class, prefix + "%")).allMatch(p -> p.contains(day.getYear() + ""));
            Map<String, Long> couponsPerMember = topics.published("birthday", prefix).stream()
                    .collect(Collectors.groupingBy(CampaignAction::memberId, Collectors.counting()));
            assertThat(couponsPerMember).hasSize(MEMBERS);
            assertThat(couponsPerMember.values()).containsOnly(1L);
        }
    }

    private static void runBirthdayJob(Http http, LocalDate date) throws Exception {
        assertThat(http.postJson("/api/v1/jobs/birthday/run", "{\"date\":\"" + date + "\"}").statusCode()).isEqualTo(202);
    }

    private static int rows(JdbcTemplate jdbc, String campaign, String prefix) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM campaign_action WHERE campaign_id = ? AND member_id LIKE ?",
                Integer.class, campaign, prefix + "%");
    }

    /**
     * Arguments, not default properties: they must win over the stack's system properties. The
     * scheduler gets a name of its own: Quartz keeps its data sources per scheduler name in one
     * registry per JVM, where this server's would replace the shared test server's.
     */
    private static ConfigurableApplicationContext startServer(Path stateDir) {
        return new SpringApplicationBuilder(MemberFlowApplication.class).run("--server.port=0",
                "--memberflow.data-dir=" + stateDir, "--memberflow.jobs.paused=true",
                "--memberflow.rule-sets.reconcile-interval=0s", "--spring.quartz.scheduler-name=memberflow-restart-test",
                "--memberflow.security.first-admin-key=" + TestKeys.ADMIN);
    }

    private static String bootstrap(ConfigurableApplicationContext server) {
        return server.getEnvironment().getProperty("spring.kafka.bootstrap-servers");
    }

    private static Http http(ConfigurableApplicationContext server) {
        return new Http(Integer.parseInt(server.getEnvironment().getProperty("local.server.port")));
    }
}
