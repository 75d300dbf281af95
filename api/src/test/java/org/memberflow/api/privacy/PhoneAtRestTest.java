package org.memberflow.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.memberflow.api.support.Http;
import org.memberflow.api.support.MemberFlowIntegrationTest;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Phone numbers (PIPL): sealed in MySQL, masked in API answers and in the logs. After members
 * register and change their numbers, no table of the database and no line the server logged
 * holds any of the numbers in clear.
 */
@MemberFlowIntegrationTest
class PhoneAtRestTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PhoneCipher cipher;

    @Test
    void shouldKeepNoPhoneNumberInClearInTheDatabaseOrTheLogs() throws Exception {
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> capture = captureLogsAsTheConsoleWritesThem(logged);
        Http http = new Http(port);
        String prefix = "pipl-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> phones = new ArrayList<>();
        String changed = phone();
        try {
            for (int i = 0; i < 5; i++) {
                String phone = phone();
                phones.add(phone);
                assertThat(http.postJson("/api/v1/events", event(prefix + "-" + i, "REGISTERED", "2026-05-20T08:00:00Z", phone))
                        .statusCode()).isEqualTo(202);
            }
            phones.add(changed);
            assertThat(http.postJson("/api/v1/events", event(prefix + "-0", "PROFILE_UPDATED", "2026-05-21T08:00:00Z", changed))
                    .statusCode()).isEqualTo(202);
            {
                // A refused event echoes nothing of the number into the logs or the answer.
                String refusedPhone = phone();
                phones.add(refusedPhone);
                String refused = http.postJson("/api/v1/events", event(prefix + "-x", "REGISTERED", "not-a-time",
                        refusedPhone)).body();
                assertThat(refused).doesNotContainPattern("1[3-9][0-9]{9}");
            }
            LoggerFactory.getLogger(PhoneAtRestTest.class).warn("a careless log line with {} in it", changed);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                String member = http.get("/api/v1/members/" + prefix + "-0").body();
                assertThat(member).contains("\"phone\":\"" + PhoneMask.mask(changed) + "\"").doesNotContain(changed);
            });
            Map<String, Object> row = jdbc.queryForMap(
                    "SELECT phone_sealed, phone_key_id, phone_masked FROM member_contact WHERE member_id = ?", prefix + "-0");
            assertThat(cipher.open(prefix + "-0", new PhoneCipher.Sealed((String) row.get("phone_key_id"),
                    (byte[]) row.get("phone_sealed")))).isEqualTo(changed);
            assertThat(row.get("phone_masked")).isEqualTo(PhoneMask.mask(changed));
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM member_contact WHERE member_id LIKE ?", Integer.class, prefix + "%") == 5);
        } finally {
            detach(capture);
        }

        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : jdbc.queryForList("SELECT table_name, column_name FROM information_schema.columns"
                + " WHERE table_schema = DATABASE() AND data_type IN ('char', 'varchar', 'text', 'mediumtext', 'longtext',"
                + " 'binary', 'varbinary', 'blob', 'mediumblob', 'longblob', 'json')")) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            for (String phone : phones) {
                Integer hits = jdbc.queryForObject("SELECT COUNT(*) FROM `" + table + "` WHERE `" + name + "` LIKE ?",
                        Integer.class, "%" + phone + "%");
                if (hits > 0) {
                    found.add(table + "." + name + " holds " + phone);
                }
            }
        }
        assertThat(found).isEmpty();
        String logs = logged.toString(StandardCharsets.UTF_8);
        assertThat(logs).contains("a careless log line with " + PhoneMask.mask(changed));
        phones.forEach(phone -> assertThat(logs).doesNotContain(phone));
    }

    private static String event(String member, String type, String at, String phone) {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"memberId\":\"" + member + "\",\"type\":\"" + type
                + "\",\"occurredAt\":\"" + at + "\",\"profile\":{\"phone\":\"" + phone + "\",\"timeZone\":\"Asia/Shanghai\"}}";
    }

    private static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A second appender on the root logger with the console's own pattern (and so its masking). */
    private static OutputStreamAppender<ILoggingEvent> captureLogsAsTheConsoleWritesThem(ByteArrayOutputStream out) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) root.getAppender("CONSOLE");
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(((PatternLayoutEncoder) console.getEncoder()).getPattern());
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setName("pipl-capture");
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        root.addAppender(appender);
        return appender;
    }

    private static void detach(OutputStreamAppender<ILoggingEvent> appender) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
    }
}
