package org.memberflow.api.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalStackMainTest {

    @Test
    void shouldNameTheServersVariablesForWhatTheStackStarted() {
        Map<String, String> env = LocalStackMain.variables(Map.of(
                LocalStack.MYSQL_URL_PROPERTY, "jdbc:mysql://127.0.0.1:13306/memberflow?a=1&b=2",
                LocalStack.KAFKA_PROPERTY, "127.0.0.1:19092",
                LocalStack.DATA_DIR_PROPERTY, "/data"));

        assertThat(env).containsOnly(
                Map.entry("MEMBERFLOW_MYSQL_URL", "jdbc:mysql://127.0.0.1:13306/memberflow?a=1&b=2"),
                Map.entry("MEMBERFLOW_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092"));
    }
}
