package org.memberflow.bench.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.memberflow.api.MemberFlowApplication;
import org.memberflow.api.localstack.LocalStack;
import org.memberflow.api.localstack.Ports;
import org.memberflow.api.localstack.StackSettings;
import org.memberflow.engine.Engine;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * One whole server in this JVM for the fault scenarios: the embedded local stack (MariaDB, Redis,
 * a broker) on free ports and a fresh data directory, and the Spring Boot server with its engine.
 * A scenario at full size starts its own; the small forms in the tests share one per JVM, so every
 * scenario names its members with a run prefix of its own.
 */
public final class ChaosServer implements AutoCloseable {
    /** The server's first ADMIN key (its database is new each start); its rate limit is out of reach. */
    static final String KEY = "mfk_chaosadmin00_" + "chaos-only-not-a-secret_" + "0".repeat(19);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);

    private final Path dataDir;
    private final LocalStack stack;
    private final ConfigurableApplicationContext context;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ChaosServer(Path dataDir, LocalStack stack, ConfigurableApplicationContext context) {
        this.dataDir = dataDir;
        this.stack = stack;
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** Starts the stack and the server; {@code args} are further Spring arguments ({@code --name=value}). */
    public static ChaosServer start(String... args) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("memberflow-chaos-");
        } catch (IOException e) {
            throw new IllegalStateException("no temporary directory for the chaos server", e);
        }
        LocalStack stack = LocalStack.start(StackSettings.onFreePorts(System.getenv(), dataDir));
        try {
            stack.properties().forEach(System::setProperty);
            List<String> all = new ArrayList<>(List.of("--server.port=" + Ports.free(), "--logging.level.root=WARN",
                    "--memberflow.security.first-admin-key=" + KEY, "--memberflow.security.rate-limits.ADMIN=100000000"));
            all.addAll(List.of(args));
            ConfigurableApplicationContext context = SpringApplication.run(MemberFlowApplication.class,
                    all.toArray(String[]::new));
            return new ChaosServer(dataDir, stack, context);
        } catch (RuntimeException e) {
            stack.close();
            delete(dataDir);
            throw e;
        }
    }

    public LocalStack stack() {
        return stack;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public String bootstrapServers() {
        return context.getEnvironment().getProperty("spring.kafka.bootstrap-servers");
    }

    public JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    public Engine engine() {
        return context.getBean(Engine.class);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A request with the ADMIN key, answered as a string; a transport failure is thrown. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", "Bearer " + KEY).timeout(REQUEST_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            stack.close();
            delete(dataDir);
        }
    }

    private static void delete(Path dir) {
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
