package org.memberflow.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's own logback.xml, configured as Spring configures it: text lines by default, one
 * JSON object per line once a structured format is set, phone numbers masked either way.
 */
class JsonLogsTest {
    private static final String PHONE = "13912345678";

    @Test
    void shouldWriteJsonLinesWithMaskedPhonesWhenAFormatIsSet() throws Exception {
        String out = logOnce("ecs", "member m-1 changed phone to " + PHONE);

        JsonNode line = JsonMapper.builder().build().readTree(out.strip());
        assertThat(line.get("message").asString()).isEqualTo("member m-1 changed phone to 139****5678");
        assertThat(line.at("/log/level").asString()).as(out).isEqualTo("INFO");
        assertThat(out).doesNotContain(PHONE);
    }

    @Test
    void shouldWriteTextLinesWithMaskedPhonesWithoutAFormat() throws Exception {
        String out = logOnce("", "member m-1 changed phone to " + PHONE);

        assertThat(out).contains("INFO").contains("member m-1 changed phone to 139****5678").doesNotStartWith("{");
        assertThat(out).doesNotContain(PHONE);
    }

    /** Configures a fresh logger context from logback.xml, logs one line, and returns what the console got. */
    private static String logOnce(String format, String message) throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "logging.structured.json.customizer", MaskedJsonLogs.class.getName(),
                "spring.application.name", "memberflow")));
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putObject(Environment.class.getName(), environment);
        context.putProperty("CONSOLE_LOG_STRUCTURED_FORMAT", format);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(JsonLogsTest.class.getResource("/logback.xml"));
            context.getLogger("org.memberflow.test").info(message);
        } finally {
            context.stop();
            System.setOut(console);
        }

        return captured.toString(StandardCharsets.UTF_8);
    }
}
