package org.memberflow.bench.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import org.memberflow.bench.chaos.ScenarioResult.Figure;
import org.memberflow.bench.generate.HistoryGenerator;
import org.memberflow.engine.Topics;

/**
 * kill -9: a seeded history sent to member-events while a random server of the cluster is killed
 * (SIGKILL) and restarted, again and again; then every action compared with an oracle (the same
 * history through the engine's topology offline). Exactly-once in the engine and idempotent
 * delivery promise: each decision on campaign-decisions once, each in the action log once, each
 * delivered one on campaign-actions once; none missing, none extra.
 */
public final class KillNineScenario {
    public static final String NAME = "kill -9";

    /**
     * @param events  about how many events the history has (a whole number of members' years)
     * @param kills   how many times a random server is killed and restarted
     * @param timeout for the cluster to settle after the last event and kill
     */
    public record Plan(long events, int kills, long seed, Duration timeout) {
        public static Plan full() {
            return new Plan(1_000_000, 20, 20261126L, Duration.ofMinutes(45));
        }
    }

    private KillNineScenario() {
    }

    public static ScenarioResult run(ChaosStack stack, ServerCluster cluster, Plan plan) {
        Random random = new Random(plan.seed());
        String prefix = "k9-" + HexFormat.of().toHexDigits(random.nextInt()) + "-";
        HistoryGenerator history = new HistoryGenerator(membersFor(plan.events(), plan.seed()), plan.seed(), prefix);
        ActionCensus census = new ActionCensus(stack);
        Map<String, byte[]> breakpointsBefore = census.breakpoints();
        long spread = awaitSpread(census, cluster, plan.timeout());

        long slice = Math.max(1, history.expectedEvents() / (plan.kills() + 1));
        List<String> failures = new ArrayList<>();
        int[] kills = {0};
        long sent = HistoryFeed.send(stack, history, slice, () -> {
            if (kills[0] < plan.kills()) {
                killOne(cluster, random, failures);
                kills[0]++;
            }
        });
        while (kills[0] < plan.kills()) { // a history shorter than expected: the remaining kills at the end
            killOne(cluster, random, failures);
            kills[0]++;
        }

        // After the kills, not beside them: on a small machine the oracle's CPU slowed restarts past their timeout.
        System.err.printf("kill -9: %,d events sent, %d kills; computing the oracle while the cluster catches up%n", sent,
                kills[0]);
        Map<String, Integer> expected = DecisionOracle.decide(history, breakpointsBefore);
        System.err.printf("kill -9: the oracle expects %,d actions; waiting for the cluster%n", expected.size());
        boolean settled = Settled.await(census, prefix, expected.size(), plan.timeout());
        if (!settled) {
            failures.add("the action log did not reach the oracle's " + expected.size() + " actions within " + plan.timeout());
        }
        if (!sameBreakpoints(breakpointsBefore, census.breakpoints())) {
            failures.add("rfm-breakpoints changed during the run: the oracle, which used the ones before, cannot judge it");
        }
        ScenarioResult judged = judge(sent, kills[0], plan, expected, census, prefix, failures);
        List<Figure> figures = new ArrayList<>(List.of(new Figure("servers given member-events partitions at the start",
                spread, (long) Math.min(cluster.servers().size(), partitions(census)))));
        figures.add(new Figure("slowest restart to healthy, seconds", cluster.slowestRestart().toSeconds(), null));
        figures.addAll(judged.figures());
        List<String> broken = new ArrayList<>(judged.failures());
        if (!figures.get(0).ok()) {
            broken.add("Kafka Streams spread member-events over " + spread + " of " + cluster.servers().size() + " servers");
        }
        return new ScenarioResult(NAME, figures, broken);
    }

    private static ScenarioResult judge(long sent, int kills, Plan plan, Map<String, Integer> oracle, ActionCensus census,
            String prefix, List<String> failures) {
        Map<String, Integer> decisions = census.onTopic(Topics.CAMPAIGN_DECISIONS, prefix);
        Map<String, String> log = census.actionLog(prefix);
        Map<String, Integer> actions = census.onTopic(Topics.CAMPAIGN_ACTIONS, prefix);
        long decidedTwiceOffline = oracle.values().stream().filter(n -> n > 1).count();

        IdComparison onDecisions = IdComparison.of(oracle, decisions);
        IdComparison inLog = IdComparison.of(oracle.keySet(), IdComparison.ones(log.keySet()));
        java.util.Set<String> delivered = new java.util.HashSet<>();
        log.forEach((id, outcome) -> {
            if (outcome.equals("DELIVERED")) {
                delivered.add(id);
            }
        });
        IdComparison onActions = IdComparison.of(delivered, actions);

        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("events sent", sent, null));
        figures.add(new Figure("kills (kill -9, then restart)", kills, (long) plan.kills()));
        figures.add(new Figure("actions expected (oracle)", oracle.size(), null));
        figures.add(new Figure("oracle: action ids decided twice", decidedTwiceOffline, 0L));
        figures.addAll(onDecisions.figures("campaign-decisions"));
        figures.addAll(inLog.figures("action log"));
        figures.add(new Figure("action log: delivered", delivered.size(), null));
        figures.addAll(onActions.figures("campaign-actions"));
        if (decidedTwiceOffline > 0) {
            failures.add("the oracle itself decided " + decidedTwiceOffline + " action ids more than once");
        }
        failures.addAll(onDecisions.failures("campaign-decisions"));
        failures.addAll(inLog.failures("action log"));
        failures.addAll(onActions.failures("campaign-actions"));
        return new ScenarioResult(NAME, figures, failures);
    }

    /** Kills a random server at a random moment within the next two seconds, and restarts it. */
    private static void killOne(ServerCluster cluster, Random random, List<String> failures) {
        for (ServerProcess s : cluster.servers()) {
            if (!s.alive()) {
                failures.add(s.instanceId() + " died without being killed; see " + s.log());
                s.start();
                s.awaitHealthy(ServerCluster.START_TIMEOUT);
            }
        }
        LockSupport.parkNanos(Duration.ofMillis(random.nextInt(2_000)).toNanos());
        ServerProcess victim = cluster.servers().get(random.nextInt(cluster.servers().size()));
        System.err.printf("kill -9 %s%n", victim.instanceId());
        cluster.killAndRestart(victim);
    }

    /** Waits (a rebalance takes a few seconds after the servers are up) until every server holds partitions. */
    private static long awaitSpread(ActionCensus census, ServerCluster cluster, Duration timeout) {
        long want = Math.min(cluster.servers().size(), partitions(census));
        long deadline = System.nanoTime() + timeout.toNanos();
        long spread = 0;
        while (System.nanoTime() < deadline) {
            spread = census.membersHolding(Settled.ENGINE_GROUP, Topics.MEMBER_EVENTS.name());
            if (spread >= want) {
                return spread;
            }
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
        return spread;
    }

    private static int partitions(ActionCensus census) {
        return census.partitions(Topics.MEMBER_EVENTS.name());
    }

    /** Members whose generated year has about {@code events} events. */
    static int membersFor(long events, long seed) {
        int probe = 10_000;
        double perMember = new HistoryGenerator(probe, seed).expectedEvents() / (double) probe;
        return (int) Math.max(1, Math.round(events / perMember));
    }

    private static boolean sameBreakpoints(Map<String, byte[]> a, Map<String, byte[]> b) {
        return a.keySet().equals(b.keySet()) && a.keySet().stream().allMatch(k -> java.util.Arrays.equals(a.get(k), b.get(k)));
    }
}
