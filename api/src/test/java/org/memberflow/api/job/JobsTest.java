package org.memberflow.api.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
                "\"name\":\"rfm-breakpoints\"", "\"name\":\"segment-sizes\"", "\"timeZone\":\"Asia/Shanghai\"",
                "\"nextFireAt\":\"",
                "\"state\":\"PAUSED\""); // test servers run with memberflow.jobs.paused
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE SCHED_NAME = 'memberflow'"
                + " AND TRIGGER_GROUP = 'memberflow'",
                Integer.class)).isEqualTo(5);

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

    @Test
    void shouldRecordTodaysSegmentSizesReplacingAnEarlierRunOfTheDay() throws Exception {
        Http http = new Http(port);
        String brand = "sizes-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String[] members = {brand + "-a", brand + "-b"};
        for (String m : members) {
            jdbc.update("INSERT INTO member_segment (member_id, segment, brand_id, since) VALUES (?, 'general-value', ?,"
                    + " CURRENT_TIMESTAMP(3))", m, brand);
        }
        try {
            assertThat(http.postJson("/api/v1/jobs/segment-sizes/run", "{}").statusCode()).isEqualTo(202);
            await().atMost(WAIT).until(() -> sizeOn(brand, today), size -> size != null && size == 2);

            jdbc.update("DELETE FROM member_segment WHERE member_id = ?", members[0]);
            assertThat(http.postJson("/api/v1/jobs/segment-sizes/run", "{}").statusCode()).isEqualTo(202);
            await().atMost(WAIT).until(() -> sizeOn(brand, today), size -> size != null && size == 1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM segment_size_daily WHERE brand_id = ?", Integer.class, brand))
                    .as("one row per brand, segment and day").isEqualTo(1);
        } finally {
            jdbc.update("DELETE FROM member_segment WHERE brand_id = ?", brand);
            jdbc.update("DELETE FROM segment_size_daily WHERE brand_id = ?", brand);
        }
    }

    private Long sizeOn(String brand, LocalDate day) {
        List<Long> sizes = jdbc.queryForList("SELECT members FROM segment_size_daily WHERE brand_id = ? AND"
                + " segment = 'general-value' AND day = ?", Long.class, brand, day);
        return sizes.isEmpty() ? null : sizes.get(0);
    }

    private List<ConsumerRecord<byte[], byte[]>> read(String topic) {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            return kafka.readAll(topic);
        }
    }
}
