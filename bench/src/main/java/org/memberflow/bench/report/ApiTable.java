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
                + "closed loop, on loopback.%n%n", r.members(), r.connections()));
        sb.append("| load | requests/s | p50 ms | p99 ms | max ms | errors | ratio |\n|---|---:|---:|---:|---:|---:|---|\n");
        row(sb, r.constant(), "baseline");
        row(sb, r.lookup(), String.format(Locale.ROOT, "%.2f × constant", r.lookup().requestsPerSecond()
                / r.constant().requestsPerSecond()));
        row(sb, r.ingestion(), String.format(Locale.ROOT, "%.2f × constant", r.ingestion().requestsPerSecond()
                / r.constant().requestsPerSecond()));
        return sb.toString();
    }

    private static void row(StringBuilder sb, HttpLoad.Result l, String ratio) {
        sb.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %.2f | %.1f | %d | %s |%n", l.name(),
                l.requestsPerSecond(), l.p50(), l.p99(), l.max(), l.errors(), ratio));
    }
}
