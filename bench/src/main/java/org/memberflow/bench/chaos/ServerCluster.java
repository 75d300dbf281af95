package org.memberflow.bench.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.memberflow.api.localstack.Ports;

/**
 * N servers on one shared stack, as {@code scripts/run --instances N} runs them: each with its own
 * data directory, port and instance id, one stream thread and a modest heap (the machine has few
 * cores). The first starts alone, so that it migrates the database and makes the ADMIN key once.
 */
public final class ServerCluster implements AutoCloseable {
    /** The ADMIN key of the fault scenarios' servers: their key table may be new. Not a secret. */
    public static final String ADMIN_KEY = "mfk_chaosadmin00_" + "chaos-only-not-a-secret_" + "0".repeat(19);
    /** Phone numbers sealed by one server must open on another: one key for all (not a secret). */
    private static final String PHONE_KEYS = "chaos=" + Base64.getEncoder().encodeToString(new byte[32]);
    /** A loaded 2-core machine took 4 minutes to start a server while three others worked. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    private final List<ServerProcess> servers = new ArrayList<>();
    private final List<Duration> restarts = new ArrayList<>();

    /**
     * @param name     prefix of the instance ids ({@code <name>-0}, ...)
     * @param settings the servers' variables beyond the stack's (clock mode, jobs paused, ...)
     */
    public ServerCluster(ChaosStack stack, String name, int instances, Map<String, String> settings) {
        this(stack, name, instances, settings, List.of());
    }

    /** @param jvmOptions more options for the servers' JVMs */
    public ServerCluster(ChaosStack stack, String name, int instances, Map<String, String> settings, List<String> jvmOptions) {
        Map<String, String> env = new HashMap<>(stack.serverEnvironment());
        env.put("MEMBERFLOW_ENGINE_STREAM_THREADS", "1");
        env.put("MEMBERFLOW_FIRST_ADMIN_KEY", ADMIN_KEY);
        env.put("MEMBERFLOW_PHONE_KEYS", PHONE_KEYS);
        env.put("MEMBERFLOW_JOBS_PAUSED", "true");
        env.putAll(settings);
        // If the harness dies (Ctrl-C, a kill), its servers must not live on.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> servers.forEach(ServerProcess::kill), "chaos-servers-stop"));
        for (int i = 0; i < instances; i++) {
            String id = name + "-" + i;
            List<String> options = new ArrayList<>(List.of("-Xms128m", "-Xmx768m", "-XX:+UseSerialGC"));
            options.addAll(jvmOptions);
            servers.add(new ServerProcess(id, stack.serverDir(id), Ports.free(), env, options));
        }
    }

    /**
     * The cluster the process-kill scenarios run on: the event clock (so that what the engine decides
     * is what the oracle decides, whenever it runs) and the schedules paused (nothing ticks or
     * recomputes breakpoints on its own; jobs run by hand still do).
     *
     * @param standbyReplicas warm copies of each task's state on the other servers
     */
    public static ServerCluster forScenarios(ChaosStack stack, String name, int instances, int standbyReplicas) {
        return new ServerCluster(stack, name, instances, scenarioSettings(standbyReplicas));
    }

    /**
     * The same for the small forms in the test suite, whose servers start more often than they work:
     * only the quick JIT compiler, which starts a server in less CPU time. One standby replica, so
     * that the suite also kills servers whose tasks have warm copies elsewhere (the setting the
     * README suggests for a cluster; a server's default is none).
     */
    public static ServerCluster forSmallScenarios(ChaosStack stack, String name, int instances) {
        return new ServerCluster(stack, name, instances, scenarioSettings(1), List.of("-XX:TieredStopAtLevel=1"));
    }

    private static Map<String, String> scenarioSettings(int standbyReplicas) {
        if (standbyReplicas < 0) {
            throw new IllegalArgumentException("standby replicas cannot be negative: " + standbyReplicas);
        }
        return Map.of("MEMBERFLOW_ENGINE_CLOCK_MODE", "event",
                "MEMBERFLOW_ENGINE_STANDBY_REPLICAS", Integer.toString(standbyReplicas));
    }

    /** Starts every server and waits until each is healthy. */
    public void start() {
        long t0 = System.nanoTime();
        servers.get(0).start();
        servers.get(0).awaitHealthy(START_TIMEOUT);
        for (int i = 1; i < servers.size(); i++) {
            servers.get(i).start();
        }
        servers.forEach(s -> s.awaitHealthy(START_TIMEOUT));
        System.err.printf("%d servers healthy in %.1f s%n", servers.size(), (System.nanoTime() - t0) / 1e9);
    }

    public List<ServerProcess> servers() {
        return List.copyOf(servers);
    }

    public ServerProcess server(int i) {
        return servers.get(i);
    }

    /** kill -9, then the same server started again (its data directory, port and instance id), until healthy. */
    public void killAndRestart(ServerProcess server) {
        server.kill();
        long t0 = System.nanoTime();
        server.start();
        server.awaitHealthy(START_TIMEOUT);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        restarts.add(took);
        System.err.printf("%s killed, and healthy again %.1f s after its restart%n", server.instanceId(), took.toMillis() / 1e3);
    }

    /** The slowest restart so far, from start to healthy; zero before any. */
    public Duration slowestRestart() {
        return restarts.stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** Stops every server gracefully (killing any that does not stop in time). */
    @Override
    public void close() {
        servers.parallelStream().forEach(ServerProcess::stop);
    }
}
