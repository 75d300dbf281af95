package org.memberflow.api.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.memberflow.api.support.Http;
import org.memberflow.api.support.KafkaTestClient;
import org.memberflow.api.support.MemberFlowIntegrationTest;
import org.memberflow.engine.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operations figures on /actuator/prometheus move with what the engine does: events by
 * outcome, dead letters by cause, firings per rule, members swept, and Kafka's own rates and
 * consumer lag for the engine and the sinks.
 */
@MemberFlowIntegrationTest
class OperationsMetricsTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PROCESSED = "memberflow_engine_events_total{outcome=\"processed\"}";
    private static final String DUPLICATES = "memberflow_engine_events_total{outcome=\"duplicate\"}";
    private static final String DEAD_LETTERED = "memberflow_engine_events_total{outcome=\"dead-lettered\"}";
    private static final String INVALID = "memberflow_engine_dead_letters_total{cause=\"invalid-event\"}";
    private static final String WELCOME_FIRINGS = "memberflow_engine_rule_firings_total{rule=\"welcome coupon\"}";
    private static final String SWEPT = "memberflow_engine_sweep_members_total{job=\"inactivity\"}";

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void shouldCountEventsDeadLettersFiringsAndSweeps() throws Exception {
        Http http = new Http(port);
        String before = scrape(http);
        String run = UUID.randomUUID().toString().substring(0, 8);

        String repeated = registered("mx-" + run + "-0", "ex-" + run + "-0");
        StringBuilder batch = new StringBuilder("[" + repeated);
        for (int i = 1; i < 3; i++) {
            batch.append(',').append(registered("mx-" + run + "-" + i, "ex-" + run + "-" + i));
        }
        assertThat(http.postJson("/api/v1/events", batch + "]").statusCode()).isEqualTo(202);
        assertThat(http.postJson("/api/v1/events", repeated).statusCode()).isEqualTo(202);
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            kafka.send(Topics.MEMBER_EVENTS.name(), null, "mx-" + run + "-bad",
                    "{not json".getBytes(StandardCharsets.UTF_8), System.currentTimeMillis());
        }

        await().atMost(WAIT).untilAsserted(() -> {
            String after = scrape(http);
            assertThat(value(after, PROCESSED) - value(before, PROCESSED)).isGreaterThanOrEqualTo(3);
            assertThat(value(after, DUPLICATES) - value(before, DUPLICATES)).isGreaterThanOrEqualTo(1);
            assertThat(value(after, DEAD_LETTERED) - value(before, DEAD_LETTERED)).isGreaterThanOrEqualTo(1);
            assertThat(value(after, INVALID) - value(before, INVALID)).isGreaterThanOrEqualTo(1);
            assertThat(value(after, WELCOME_FIRINGS) - value(before, WELCOME_FIRINGS)).isGreaterThanOrEqualTo(3);
            assertThat(value(after, "memberflow_engine_members")).isGreaterThanOrEqualTo(3);
        });

        // A sweep counts the members it evaluates (today's inactivity sweep runs once per day and JVM).
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(http.postJson("/api/v1/jobs/inactivity/run", "{\"date\":\"" + today + "\"}").statusCode())
                .isEqualTo(202);
        await().atMost(WAIT).untilAsserted(() -> assertThat(value(scrape(http), SWEPT)).isGreaterThanOrEqualTo(3));

        // Kafka's own figures: the stream threads' rates and the consumers' lag, engine and sinks.
        String metrics = scrape(http);
        assertThat(metrics).containsPattern("kafka_stream_thread_process_rate\\{[^}]*\\}")
                .containsPattern("kafka_consumer_fetch_manager_records_lag_max\\{[^}]*client_id=\"memberflow-engine-[^}]*-consumer\"[^}]*\\}")
                .containsPattern("kafka_consumer_fetch_manager_records_lag_max\\{[^}]*client_id=\"consumer-memberflow-member-snapshot-sink[^}]*\\}")
                .contains("memberflow_engine_sweeps_running");
        // Each request is timed once; Spring Security's observation of each of its filters is off (BENCHMARKS.md).
        assertThat(metrics).contains("http_server_requests_seconds_count").doesNotContain("spring_security_");
    }

    private static String registered(String member, String eventId) {
        return "{\"eventId\":\"" + eventId + "\",\"memberId\":\"" + member + "\",\"type\":\"REGISTERED\",\"occurredAt\":\""
                + Instant.now() + "\"}";
    }

    private static String scrape(Http http) throws Exception {
        return http.get("/actuator/prometheus").body();
    }

    /** The value of one series (name and labels exactly as written), or 0 when it is not there yet. */
    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + "\\s+(\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
