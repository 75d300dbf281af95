package org.memberflow.bench.report;

import java.util.Locale;
import java.util.TreeSet;
import org.memberflow.bench.sweep.SweepBench;

/** The sweep against SQL as a Markdown table, with the class counts of both side by side. */
final class SweepTable {
    private SweepTable() {
    }

    static String of(SweepBench.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%,d members in member-state, %.0f bytes of state per member on average "
                + "(restored in %.1f s).%n%n", r.members(), r.stateBytesPerMember(), r.restoreSeconds()));
        sb.append("| classification as of today | seconds | members/s | CPU s | ratio |\n|---|---:|---:|---:|---|\n");
        sb.append(String.format(Locale.ROOT, "| SQL over the purchases in MariaDB (GROUP BY, window functions), the median of"
                + " %d runs | %.1f%s | %,.0f | %.1f | baseline |%n", SweepBench.SQL_RUNS, r.sqlSeconds(),
                Noise.percent(r.sqlNoise()), r.members() / r.sqlSeconds(), r.sqlCpuSeconds()));
        row(sb, String.format(Locale.ROOT, "engine, the daily sweep: a day's tick, RFM and the built-in campaigns for every"
                + " member, the median of %d days", SweepBench.DAILY_RUNS), r.daily(), r.dailyNoise(), r);
        row(sb, "engine, the first sweep after a restore (yesterday's tick: every snapshot sent)", r.first(), Double.NaN, r);
        sb.append(String.format(Locale.ROOT, "%nThe daily sweep sent %,d snapshots and wrote %,d states back; the first "
                + "sent %,d and wrote %,d.%n", r.daily().snapshots(), r.daily().statesWritten(), r.first().snapshots(),
                r.first().statesWritten()));
        sb.append(String.format(Locale.ROOT, "Loading the purchases into MariaDB took %.1f s (not counted). "
                + "The SQL CPU is this JVM's only; the MariaDB server's is not in it. ± is the noise: half the range"
                + " of the runs (the daily sweeps of today and the next days, the SQL's); the first sweep runs once.%n%n",
                r.sqlLoadSeconds()));
        sb.append("| class | engine | SQL |\n|---|---:|---:|\n");
        for (String c : new TreeSet<>(r.engineCounts().keySet()) {{ addAll(r.sqlCounts().keySet()); }}) {
            sb.append(String.format(Locale.ROOT, "| %s | %,d | %,d |%n", c, r.engineCounts().getOrDefault(c, 0L),
                    r.sqlCounts().getOrDefault(c, 0L)));
        }
        sb.append(r.countsAgree() ? "\nThe counts agree.\n" : "\n**The counts differ.**\n");
        return sb.toString();
    }

    /** @param noise the sweep's own noise, NaN when it ran once (the ratio then has the SQL's) */
    private static void row(StringBuilder sb, String what, SweepBench.Sweep s, double noise, SweepBench.Result r) {
        double ratio = s.seconds() / r.sqlSeconds();
        double ratioNoise = Double.isNaN(noise) ? r.sqlNoise() : Noise.ofRatio(noise, r.sqlNoise());
        sb.append(String.format(Locale.ROOT, "| %s | %.1f%s | %,.0f | %.1f | sweep/SQL time %.2f%s |%n", what, s.seconds(),
                Noise.percent(noise), s.members() / s.seconds(), s.cpuSeconds(), ratio, Noise.plusMinus(ratio, ratioNoise)));
    }
}
