package org.memberflow.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.memberflow.bench.pipeline.Ladder;
import org.memberflow.bench.pipeline.Throughput;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a run's figures: {@code results/<date>.json} with everything, and the table of
 * BENCHMARKS.md between its markers, with each rung also as a ratio to a baseline measured in the
 * same run (the machine is shared and noisy; ratios travel, absolute figures do not).
 */
public final class Report {
    static final String BEGIN = "<!-- bench:ladder:begin -->";
    static final String END = "<!-- bench:ladder:end -->";

    private Report() {
    }

    public static Path writeJson(Path resultsDir, String command, Ladder.Result r) throws IOException {
        Files.createDirectories(resultsDir);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", LocalDate.now().toString());
        json.put("command", command);
        json.put("machine", machine());
        json.put("ladder", r);
        json.put("ratios", ratios(r));
        Path file = resultsDir.resolve(LocalDate.now() + ".json");
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(file.toFile(), json);
        return file;
    }

    public static void updateMarkdown(Path benchmarksMd, String command, Ladder.Result r) throws IOException {
        String table = tableOf(command, r);
        String text = Files.exists(benchmarksMd) ? Files.readString(benchmarksMd) : "# Benchmarks\n\n" + BEGIN + "\n" + END + "\n";
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            text = text + "\n" + BEGIN + "\n" + END + "\n";
            begin = text.indexOf(BEGIN);
            end = text.indexOf(END);
        }
        Files.writeString(benchmarksMd, text.substring(0, begin + BEGIN.length()) + "\n" + table + text.substring(end));
    }

    static Map<String, Double> ratios(Ladder.Result r) {
        Map<String, Double> ratios = new LinkedHashMap<>();
        ratios.put("S3/S0", r.s3().eventsPerSecond() / r.s0().eventsPerSecond());
        ratios.put("S3/S2", r.s3().eventsPerSecond() / r.s2().eventsPerSecond());
        ratios.put("S0/consumer", r.s0().eventsPerSecond() / r.consumer().eventsPerSecond());
        return ratios;
    }

    public static String tableOf(String command, Ladder.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append("Run on ").append(LocalDate.now()).append(", ").append(machine()).append(", with `").append(command)
                .append("`: ").append(String.format("%,d", r.members())).append(" members, ")
                .append(String.format("%,d", r.events())).append(" events.\n\n");
        sb.append("| stage | events/s | CPU s per 1,000 events | ratio |\n|---|---:|---:|---|\n");
        row(sb, r.producer(), "");
        row(sb, r.consumer(), "baseline");
        row(sb, r.s0(), String.format("S0/consumer %.2f", r.s0().eventsPerSecond() / r.consumer().eventsPerSecond()));
        row(sb, r.s2(), String.format("S2/S0 %.2f", r.s2().eventsPerSecond() / r.s0().eventsPerSecond()));
        row(sb, r.s3(), String.format("S3/S0 %.2f, S3/S2 %.2f", r.s3().eventsPerSecond() / r.s0().eventsPerSecond(),
                r.s3().eventsPerSecond() / r.s2().eventsPerSecond()));
        sb.append(String.format("%nS3 event → action latency at %,d events/s offered: p50 %.0f ms, p99 %.0f ms, max %.0f ms "
                        + "(%,d of %,d actions seen).%n", r.latency().offeredPerSecond(), r.latency().p50(),
                r.latency().p99(), r.latency().max(), r.latency().received(), r.latency().sent()));
        return sb.toString();
    }

    private static void row(StringBuilder sb, Throughput t, String ratio) {
        sb.append(String.format("| %s | %,.0f | %.3f | %s |%n", t.stage(), t.eventsPerSecond(), t.cpuSecondsPer1000(), ratio));
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, "
                + ManagementFactory.getRuntimeMXBean().getVmName() + " " + Runtime.version();
    }
}
