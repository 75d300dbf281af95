package org.memberflow.api.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    @Test
    void shouldSignTheTimestampAndBodyWithHmacSha256() {
        // Computed independently: printf '1700000000.{}' | openssl dgst -sha256 -hmac key
        String signature = WebhookSigner.sign("key", 1_700_000_000L, "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("sha256=9d713ed406bb7076d4123f0dc2c39d2df5c654ed4b0cd56b52c8b4c940bd63ae");
    }

    @Test
    void shouldDoubleTheBackoffUpToItsCapWithJitter() {
        WebhookProperties props = new WebhookProperties(Duration.ofSeconds(1), 50, 4, 8, Duration.ofSeconds(10),
                Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofSeconds(10));

        assertThat(props.backoffAfter(1, 0.5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(props.backoffAfter(3, 0.5)).isEqualTo(Duration.ofSeconds(40));
        assertThat(props.backoffAfter(30, 0.5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(props.backoffAfter(1, 0.0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(props.backoffAfter(1, 1.0)).isEqualTo(Duration.ofSeconds(12));
    }
}
