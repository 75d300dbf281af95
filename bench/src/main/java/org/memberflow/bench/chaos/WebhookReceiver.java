package org.memberflow.bench.chaos;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** An HTTP endpoint on loopback that takes webhook deliveries and counts each action id it was sent. */
final class WebhookReceiver implements AutoCloseable {
    private final HttpServer http;
    private final Map<String, AtomicLong> byActionId = new ConcurrentHashMap<>();

    WebhookReceiver() {
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("no port for the webhook receiver", e);
        }
        http.createContext("/hook", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            String actionId = exchange.getRequestHeaders().getFirst("X-MemberFlow-Action-Id");
            if (actionId != null) {
                byActionId.computeIfAbsent(actionId, id -> new AtomicLong()).incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        http.start();
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/hook";
    }

    /** How many of {@code actionIds} were received at least once. */
    long received(Iterable<String> actionIds) {
        long n = 0;
        for (String id : actionIds) {
            n += byActionId.containsKey(id) ? 1 : 0;
        }
        return n;
    }

    /** Action ids that were POSTed more than once. */
    long repeated() {
        return byActionId.values().stream().filter(n -> n.get() > 1).count();
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
