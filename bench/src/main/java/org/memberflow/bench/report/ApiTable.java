package org.memberflow.bench.report;

import java.util.Locale;
import org.memberflow.bench.api.ApiBench;
import org.memberflow.bench.api.HttpLoad;

/** The HTTP loads as a Markdown table, each beside the constant-JSON baseline of the same run. */
final class ApiTable {
    private ApiTable() {
    }

    static String of(ApiBench.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%,d members registered through the API; %d keep-alive connections, "
                + "closed loop, on loopback, driven by %s.%n%n", r.members(), r.connections(),
                r.client() == null ? "the Java client" : r.client()));
        sb.append("| load | requests/s | p50 ms | p99 ms | max ms | errors | ratio |\n|---|---:|---:|---:|---:|---:|---|\n");
        row(sb, r.constant(), "baseline");
        row(sb, r.lookup(), toConstant(r.lookup(), r.constant()));
        row(sb, r.ingestion(), toConstant(r.ingestion(), r.constant()));
        sb.append("\n± is the noise: half the range of the rates of four equal slices of each load's window.\n");
        return sb.toString();
    }

    private static String toConstant(HttpLoad.Result load, HttpLoad.Result constant) {
        double ratio = load.requestsPerSecond() / constant.requestsPerSecond();
        return String.format(Locale.ROOT, "%.2f%s × constant", ratio,
                Noise.plusMinus(ratio, Noise.ofRatio(load.noise(), constant.noise())));
    }

    private static void row(StringBuilder sb, HttpLoad.Result l, String ratio) {
        sb.append(String.format(Locale.ROOT, "| %s | %,.0f%s | %.2f | %.2f | %.1f | %d | %s |%n", l.name(),
                l.requestsPerSecond(), Noise.percent(l.noise()), l.p50(), l.p99(), l.max(), l.errors(), ratio));
    }
}
