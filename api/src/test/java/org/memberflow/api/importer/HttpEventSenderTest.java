package org.memberflow.api.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberflow.api.event.FieldError;

/** The HTTP side of the import: the headers it sends, what it retries and what stops it. */
class HttpEventSenderTest {
    private static final RetryPolicy QUICK = new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(5));
    private final Deque<int[]> statuses = new ConcurrentLinkedDeque<>();
    private final List<String> seen = new ArrayList<>();
    private HttpServer server;
    private String url;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/api/v1/events", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            synchronized (seen) {
                seen.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
                        + exchange.getRequestHeaders().getFirst("Idempotency-Key") + " "
                        + new String(body, StandardCharsets.UTF_8));
            }
            int[] next = statuses.isEmpty() ? new int[] {202} : statuses.poll();
            String answer = next[0] == 400 ? "{\"status\":400,\"detail\":\"/1/amount has more than 2 decimals\","
                    + "\"errors\":[{\"pointer\":\"/1/amount\",\"detail\":\"has more than 2 decimals\"}]}" : "{}";
            if (next[0] == 429) {
                exchange.getResponseHeaders().add("Retry-After", "0");
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(next[0], bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        url = "http://localhost:" + server.getAddress().getPort() + "/";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(int... codes) {
        for (int code : codes) {
            statuses.add(new int[] {code});
        }
    }

    @Test
    void shouldSendTheKeyAndIdempotencyKeyAndRetryServerErrorsAndTooManyRequests() throws Exception {
        answer(503, 429, 500);

        EventSender.Answer result = new HttpEventSender(url, " mfk_x_y ", QUICK).send("[{}]".getBytes(), "k-1");

        assertThat(result.accepted()).isTrue();
        assertThat(seen).hasSize(4).allSatisfy(request -> assertThat(request).isEqualTo("Bearer mfk_x_y k-1 [{}]"));
    }

    @Test
    void shouldReturnTheFieldsOfA400ByPointer() throws Exception {
        answer(400);

        EventSender.Answer result = new HttpEventSender(url, "mfk_x_y", QUICK).send("[{},{}]".getBytes(), "k-1");

        assertThat(result.accepted()).isFalse();
        assertThat(result.errors()).containsExactly(new FieldError("/1/amount", "has more than 2 decimals"));
        assertThat(HttpEventSender.errors("<html>oops</html>")).containsExactly(new FieldError("", "<html>oops</html>"));
    }

    @Test
    void shouldStopOnARefusedKeyAndAfterTheLastAttempt() {
        answer(403);
        assertThatThrownBy(() -> new HttpEventSender(url, "mfk_x_y", QUICK).send("[]".getBytes(), "k"))
                .isInstanceOf(ServerFailedException.class).hasMessageContaining("refused the API key (403)");

        answer(503, 503, 503, 503);
        assertThatThrownBy(() -> new HttpEventSender(url, "mfk_x_y", QUICK).send("[]".getBytes(), "k"))
                .isInstanceOf(ServerFailedException.class).hasMessage("the server answered 503 (tried 4 times)");
        assertThat(seen).hasSize(5);
    }

    @Test
    void shouldRetryWhenNothingListensAndGiveUpNamingTheServer() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String nowhere = "http://localhost:" + port;
        assertThatThrownBy(() -> new HttpEventSender(nowhere, null, QUICK).send("[]".getBytes(), "k"))
                .isInstanceOf(ServerFailedException.class)
                .hasMessageStartingWith("cannot reach " + nowhere + " (java.net.ConnectException")
                .hasMessageEndingWith(" (tried 4 times)");
    }

    @Test
    void shouldWaitLongerEachTimeUpToTheMostOrAsTheServerSays() {
        RetryPolicy policy = RetryPolicy.DEFAULT;
        assertThat(policy.delayAfter(1, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayAfter(3, null)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.delayAfter(7, null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayAfter(2, Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.delayAfter(2, Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(30));
    }
}
