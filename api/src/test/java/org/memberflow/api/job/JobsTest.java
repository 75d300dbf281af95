package org.memberflow.api.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.memberflow.api.support.Http;
import org.memberflow.api.support.KafkaTestClient;
import org.memberflow.api.support.MemberFlowIntegrationTest;
import org.memberflow.engine.Topics;
import org.memberflow.engine.segment.BreakpointsRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The scheduled jobs on the clustered Quartz store in MariaDB: read, rescheduled, run by hand. */
@MemberFlowIntegrationTest
class JobsTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Value("${memberflow.engine.partitions}")
    int partitions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldListTheJobsWithTheirSchedulesAndChangeOne() throws Exception {
        Http http = new Http(port);
        String jobs = http.get("/api/v1/jobs").body();
        assertThat(jobs).contains("\"name\":\"birthday\"", "\"name\":\"points-expiry\"", "\"name\":\"inactivity\"",
                "\"name\":\"rfm-breakpoints\"", "\"timeZone\":\"Asia/Shanghai\"", "\"nextFireAt\":\"",
                "\"state\":\"PAUSED\""); // test servers run with memberflow.jobs.paused
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE SCHED_NAME = 'memberflow'"
                + " AND TRIGGER_GROUP = 'memberflow'",
                Integer.class)).isEqualTo(4);

        HttpResponse<String> bad = http.putJson("/api/v1/jobs/birthday", "{\"cron\":\"every day\",\"timeZone\":\"Mars/Base\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"pointer\":\"/cron\"", "\"pointer\":\"/timeZone\"");

        HttpResponse<String> never = http.putJson("/api/v1/jobs/birthday", "{\"cron\":\"0 0 0 30 2 ?\"}");
        assertThat(never.statusCode()).isEqualTo(400);
        assertThat(never.body()).contains("never fires");

        try {
            HttpResponse<String> changed = http.putJson("/api/v1/jobs/birthday",
                    "{\"cron\":\"0 15 3 * * ?\",\"timeZone\":\"UTC\"}");
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(changed.body()).contains("\"cron\":\"0 15 3 * * ?\"", "\"timeZone\":\"UTC\"");
            assertThat(jdbc.queryForObject("SELECT CRON_EXPRESSION FROM QRTZ_CRON_TRIGGERS WHERE SCHED_NAME = 'memberflow'"
                    + " AND TRIGGER_NAME = 'birthday'",
                    String.class)).isEqualTo("0 15 3 * * ?");
        } finally {
            assertThat(http.putJson("/api/v1/jobs/birthday", "{\"cron\":\"0 0 2 * * ?\",\"timeZone\":\"Asia/Shanghai\"}")
                    .statusCode()).isEqualTo(200);
        }

        assertThat(http.get("/api/v1/jobs/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldWriteTheTickOfARunToEveryPartitionOfTheEngineClock() throws Exception {
        Http http = new Http(port);
        long started = System.currentTimeMillis();
        assertThat(http.postJson("/api/v1/jobs/points-expiry/run", "{\"date\":\"2026-05-17\"}").statusCode()).isEqualTo(202);

        await().atMost(WAIT).untilAsserted(() -> {
            List<ConsumerRecord<byte[], byte[]>> ticks = read(Topics.ENGINE_CLOCK.name()).stream()
                    .filter(r -> r.timestamp() >= started)
                    .filter(r -> KafkaTestClient.text(r.value()).contains("\"job\":\"points-expiry\",\"date\":\"2026-05-17\""))
                    .toList();
            assertThat(ticks.stream().map(ConsumerRecord::partition).distinct()).hasSize(partitions);
        });
    }

    @Test
    void shouldPublishBreakpointsComputedFromTheMemberTable() throws Exception {
        Http http = new Http(port);
        String member = "bp-" + UUID.randomUUID();
        long started = System.currentTimeMillis();
        assertThat(http.postJson("/api/v1/events", "{\"eventId\":\"p-" + UUID.randomUUID() + "\",\"memberId\":\"" + member
                + "\",\"type\":\"PURCHASE\",\"occurredAt\":\"" + Instant.now() + "\",\"orderId\":\"o-1\",\"amount\":20.00}")
                .statusCode()).isEqualTo(202);
        await().atMost(WAIT).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM member WHERE member_id = ?",
                Integer.class, member) == 1);

        try {
            assertThat(http.postJson("/api/v1/jobs/rfm-breakpoints/run", "{}").statusCode()).isEqualTo(202);

            await().atMost(WAIT).untilAsserted(() -> assertThat(read(Topics.RFM_BREAKPOINTS.name())).anySatisfy(r -> {
                assertThat(KafkaTestClient.text(r.key())).isEqualTo("default");
                assertThat(r.timestamp()).isGreaterThanOrEqualTo(started);
                // A record the engine can read, with the buyer of today among the population.
                BreakpointsRecord record = Topics.RFM_BREAKPOINTS.valueSerde().deserializer().deserialize(null, r.value());
                assertThat(record.toBreakpoints().meanFrequency()).isGreaterThanOrEqualTo(1.0);
                assertThat(record.recencyCuts()[0]).isGreaterThanOrEqualTo(0);
            }));
        } finally {
            // Back to the default breakpoints for the tests that follow on this server: a tombstone.
            try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
                kafka.send(Topics.RFM_BREAKPOINTS.name(), null, "default", null, null);
            }
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> read(String topic) {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            return kafka.readAll(topic);
        }
    }
}
