package org.memberflow.bench.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.memberflow.bench.pipeline.Ladder;
import org.memberflow.bench.pipeline.Latency;
import org.memberflow.bench.pipeline.Throughput;

/** The pipeline ladder as a Markdown table: each rung beside the ceilings of the same run. */
final class LadderTable {
    private LadderTable() {
    }

    static Map<String, Double> ratios(Ladder.Result r) {
        Map<String, Double> ratios = new LinkedHashMap<>();
        ratios.put("S3/S0", r.s3().eventsPerSecond() / r.s0().eventsPerSecond());
        ratios.put("S3/S2", r.s3().eventsPerSecond() / r.s2().eventsPerSecond());
        ratios.put("S0/consumer", r.s0().eventsPerSecond() / r.consumer().eventsPerSecond());
        return ratios;
    }

    static String of(Ladder.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%,d members, %,d events.%n%n", r.members(), r.events()));
        sb.append("| stage | events/s | CPU s per 1,000 events | ratio |\n|---|---:|---:|---|\n");
        row(sb, r.producer(), "");
        row(sb, r.consumer(), "baseline");
        row(sb, r.warmUp(), "not a rung: the JIT's first pass");
        row(sb, r.s0(), "S0/consumer " + ratio(r.s0(), r.consumer()));
        row(sb, r.s2(), "S2/S0 " + ratio(r.s2(), r.s0()));
        row(sb, r.s3(), "S3/S0 " + ratio(r.s3(), r.s0()) + ", S3/S2 " + ratio(r.s3(), r.s2()));
        sb.append("\nEach rung ran twice, in turn (S0, S2, S3, S0, S2, S3), each time over the whole history; its figures"
                + " are both rounds together. ± is the noise: half the range of the two rounds' rates, or, where"
                + " larger, of the rates of four equal slices of one round's measured events (a ceiling is"
                + " measured once, whole: its share is not known).\n");
        sb.append("\nWhere each rung's CPU went (cores busy on average while it was measured):\n\n");
        for (Throughput t : new Throughput[] {r.s0(), r.s2(), r.s3()}) {
            sb.append("- ").append(t.stage()).append(": ");
            StringJoiner parts = new StringJoiner(", ");
            t.cpuByGroup().forEach((group, cpu) -> {
                if (cpu / t.seconds() >= 0.01) {
                    parts.add(String.format("%s %.2f", group, cpu / t.seconds()));
                }
            });
            sb.append(parts).append('\n');
        }
        sb.append(String.format("%nA member's stored state after the year: %.0f bytes on average.%n", r.stateBytesPerMember()));
        sb.append("\nS3 event → action latency (registrations; each action read back with read_committed):\n\n");
        sb.append("| offered events/s | p50 ms | p99 ms | max ms | actions seen | actions/s drained |\n"
                + "|---:|---:|---:|---:|---:|---:|\n");
        latencyRow(sb, r.latencyLow());
        latencyRow(sb, r.latency());
        return sb.toString();
    }

    private static void latencyRow(StringBuilder sb, Latency l) {
        sb.append(String.format("| %,d | %.0f | %.0f | %.0f | %,d of %,d | %,.0f |%n", l.offeredPerSecond(), l.p50(),
                l.p99(), l.max(), l.received(), l.sent(), l.drainedPerSecond()));
    }

    private static String ratio(Throughput a, Throughput b) {
        double ratio = a.eventsPerSecond() / b.eventsPerSecond();
        // A ceiling has no slices: the ratio's noise is then the rung's alone.
        double noise = Double.isNaN(b.noise()) ? a.noise() : Noise.ofRatio(a.noise(), b.noise());
        return String.format("%.2f%s", ratio, Noise.plusMinus(ratio, noise));
    }

    private static void row(StringBuilder sb, Throughput t, String ratio) {
        sb.append(String.format("| %s | %,.0f%s | %.3f | %s |%n", t.stage(), t.eventsPerSecond(), Noise.percent(t.noise()),
                t.cpuSecondsPer1000(), ratio));
    }
}
