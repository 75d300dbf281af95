package org.memberflow.bench.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.memberflow.api.MemberFlowApplication;

/**
 * One MemberFlow server in a JVM of its own, on this JVM's class path, pointed at a shared stack.
 * It can be killed as a crash kills it ({@code SIGKILL}: no shutdown hook, no commit, no leaving
 * the consumer group) and started again with the same data directory and instance id, as an
 * operator's supervisor would restart it.
 */
public final class ServerProcess {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String instanceId;
    private final Path dataDir;
    private final int port;
    private final Map<String, String> env;
    private final List<String> jvmOptions;
    private final Path log;
    private Process process;
    private int starts;

    /**
     * @param env the server's variables besides its own data directory, port and instance id
     */
    public ServerProcess(String instanceId, Path dataDir, int port, Map<String, String> env, List<String> jvmOptions) {
        this.instanceId = instanceId;
        this.dataDir = dataDir;
        this.port = port;
        this.env = Map.copyOf(env);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.log = dataDir.resolve("server.log");
    }

    public String instanceId() {
        return instanceId;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** Starts the server's JVM (not waiting for it to be up); its output goes to {@link #log()}. */
    public synchronized void start() {
        if (alive()) {
            throw new IllegalStateException(instanceId + " is running already");
        }
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new java.util.ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MemberFlowApplication.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("MEMBERFLOW_DATA_DIR", dataDir.toString());
        builder.environment().put("MEMBERFLOW_HTTP_PORT", Integer.toString(port));
        builder.environment().put("MEMBERFLOW_INSTANCE_ID", instanceId);
        try {
            Files.writeString(log, "---- start " + (++starts) + " at " + Instant.now() + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + instanceId, e);
        }
    }

    /** Waits until the server answers its health check with 200 (it is up and its engine runs). */
    public void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!healthy()) {
            if (!alive()) {
                throw new IllegalStateException(instanceId + " exited with " + process.exitValue() + " before it was up; see "
                        + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(instanceId + " was not healthy within " + timeout + "; see " + log);
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
    }

    public boolean healthy() {
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** kill -9: the JVM ends at once, in the middle of whatever it was doing. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
    }

    /** A graceful stop (SIGTERM): the server commits, leaves its groups and stops. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!waitForExit(Duration.ofSeconds(60))) {
            kill();
        }
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
