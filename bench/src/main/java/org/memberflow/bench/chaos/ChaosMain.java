package org.memberflow.bench.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.memberflow.api.localstack.LocalStack;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scripts/chaos}: runs the fault scenarios on one local stack, prints a table of their
 * figures, writes {@code bench/results/<date>-chaos.json}, and exits non-zero when any promise broke.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = "Injects faults into a MemberFlow cluster and checks that nothing is lost or doubled.")
public final class ChaosMain implements Callable<Integer> {
    @Option(names = "--instances", description = "servers in the cluster (default ${DEFAULT-VALUE})")
    int instances = 3;

    @Option(names = "--standby-replicas", description = "warm copies of each task's state on other servers, "
            + "in the process-kill scenarios (default ${DEFAULT-VALUE})")
    int standbyReplicas = 1;

    @Option(names = "--events", description = "events in the kill -9 history (default ${DEFAULT-VALUE})")
    long events = 1_000_000;

    @Option(names = "--kills", description = "kill -9 and restarts in the kill -9 scenario (default ${DEFAULT-VALUE})")
    int kills = 20;

    @Option(names = "--quartz-members", description = "members in the Quartz kill scenario (default ${DEFAULT-VALUE})")
    int quartzMembers = 20_000;

    @Option(names = "--malformed-records", description = "records in the malformed-records scenario, 1% malformed (default ${DEFAULT-VALUE})")
    int malformedRecords = 200_000;

    @Option(names = "--replay-members", description = "members whose history is replayed under a fresh application id (default ${DEFAULT-VALUE})")
    int replayMembers = 20_000;

    @Option(names = "--fuzzed", description = "mutated decision tables in the hostile-rules scenario (default ${DEFAULT-VALUE})")
    int fuzzed = 500;

    @Option(names = "--outage-seconds", description = "how long MariaDB, then Redis, is stopped (default ${DEFAULT-VALUE})")
    int outageSeconds = 30;

    @Option(names = "--outage-rate", description = "events/s offered during the outages (default ${DEFAULT-VALUE})")
    int outageRate = 200;

    @Option(names = "--seed", description = "seed of the histories and of the choice of victims (default ${DEFAULT-VALUE})")
    long seed = 20261126L;

    @Option(names = "--only", split = ",", description = "the scenarios to run, by name (default: all): ${COMPLETION-CANDIDATES}",
            completionCandidates = ScenarioNames.class)
    Set<String> only = new LinkedHashSet<>();

    @Option(names = "--results", description = "where the JSON results go (default ${DEFAULT-VALUE})")
    Path results = Path.of("bench/results");

    private ChaosStack clusterStack;
    private ChaosServer inProcessServer;

    /** A scenario by name, run on the shared stack. */
    private record Scenario(String name, Supplier<ScenarioResult> run) {
    }

    /** The names {@code --only} accepts. */
    static final class ScenarioNames extends ArrayList<String> {
        ScenarioNames() {
            super(NAMES);
        }
    }

    static final List<String> NAMES = List.of("kill-9", "quartz-kill", "malformed", "replay", "hostile-rules",
            "outage-mariadb", "outage-redis");

    /*
     * ==== The scenarios, in the order they run. Register a scenario here (and its name in NAMES). ====
     * Each returns a ScenarioResult. The process-kill ones share a stack for child servers, each
     * keeping to members of its own; the others share an in-process server on a stack of its own.
     * Each is started when the first scenario needs it.
     */
    private List<Scenario> scenarios() {
        return List.of(
                new Scenario("kill-9", () -> onCluster("kill9", (stack, c) -> KillNineScenario.run(stack, c,
                        new KillNineScenario.Plan(events, kills, seed, Duration.ofMinutes(45))))),
                new Scenario("quartz-kill", () -> onCluster("quartz", (stack, c) -> QuartzKillScenario.run(stack, c,
                        new QuartzKillScenario.Plan(quartzMembers, seed, Duration.ofMinutes(20))))),
                new Scenario("malformed", () -> MalformedRecordsScenario.run(inProcess(), malformedRecords)),
                new Scenario("replay", () -> ReplayScenario.run(inProcess(), replayMembers)),
                new Scenario("hostile-rules", () -> HostileRulesScenario.run(inProcess(), HostileCorpus.locate(), fuzzed)),
                // The outages last: a store that does not come back would fail the scenarios after it.
                new Scenario("outage-mariadb", () -> StoreOutageScenario.run(inProcess(), LocalStack.Server.MARIADB,
                        Duration.ofSeconds(outageSeconds), outageRate)),
                new Scenario("outage-redis", () -> StoreOutageScenario.run(inProcess(), LocalStack.Server.REDIS,
                        Duration.ofSeconds(outageSeconds), outageRate)));
    }

    /** The stack the child servers of the process-kill scenarios share, started once. */
    private ChaosStack clusterStack() {
        if (clusterStack == null) {
            clusterStack = ChaosStack.start();
            // Stopped also when the run is cut short (Ctrl-C): the stack's servers are processes of their own.
            Runtime.getRuntime().addShutdownHook(new Thread(clusterStack::close, "chaos-stack-stop"));
        }
        return clusterStack;
    }

    /** One in-process server (and stack of its own) for the scenarios that need no killing, started once. */
    private ChaosServer inProcess() {
        if (inProcessServer == null) {
            inProcessServer = ChaosServer.start();
        }
        return inProcessServer;
    }

    @Override
    public Integer call() throws Exception {
        Set<String> unknown = new LinkedHashSet<>(only);
        unknown.removeAll(NAMES);
        if (!unknown.isEmpty()) {
            throw new CommandLine.ParameterException(new CommandLine(this), "unknown scenarios " + unknown + "; there are " + NAMES);
        }
        String command = "scripts/chaos --instances " + instances + " --standby-replicas " + standbyReplicas
                + " --events " + events + " --kills " + kills
                + " --quartz-members " + quartzMembers + " --malformed-records " + malformedRecords + " --replay-members "
                + replayMembers + " --fuzzed " + fuzzed + " --outage-seconds " + outageSeconds + " --outage-rate "
                + outageRate + " --seed " + seed + (only.isEmpty() ? "" : " --only " + String.join(",", only));
        List<ScenarioResult> outcomes = new ArrayList<>();
        try {
            for (Scenario s : scenarios()) {
                if (only.isEmpty() || only.contains(s.name())) {
                    System.err.println("==== " + s.name());
                    outcomes.add(guarded(s));
                }
            }
        } finally {
            if (inProcessServer != null) {
                inProcessServer.close();
            }
            if (clusterStack != null) {
                clusterStack.close();
            }
        }
        System.out.print(ChaosReport.table(outcomes));
        System.out.println("results: " + ChaosReport.writeJson(results, command, outcomes));
        return outcomes.stream().allMatch(ScenarioResult::held) ? 0 : 1;
    }

    /** A scenario that throws broke its promise to finish: a result with that failure, and the run goes on. */
    private static ScenarioResult guarded(Scenario s) {
        try {
            return s.run().get();
        } catch (RuntimeException e) {
            e.printStackTrace();
            return new ScenarioResult(s.name(), List.of(), List.of("did not finish: " + e));
        }
    }

    private interface OnCluster {
        ScenarioResult run(ChaosStack stack, ServerCluster cluster);
    }

    private ScenarioResult onCluster(String name, OnCluster scenario) {
        ChaosStack stack = clusterStack();
        try (ServerCluster cluster = ServerCluster.forScenarios(stack, name, instances, standbyReplicas)) {
            cluster.start();
            return scenario.run(stack, cluster);
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ChaosMain()).execute(args));
    }
}
