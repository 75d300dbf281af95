package org.memberflow.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.memberflow.bench.pipeline.Ladder;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a run's figures: {@code results/<date>.json} with everything, and in BENCHMARKS.md one
 * table per part of the run, each between its own markers ({@code <!-- bench:ladder:begin -->}
 * and so on), with every figure also as a ratio to a baseline measured in the same run (the
 * machine is shared and noisy; ratios travel, absolute figures do not).
 */
public final class Report {
    private Report() {
    }

    public static Path writeJson(Path resultsDir, BenchRun run) throws IOException {
        Files.createDirectories(resultsDir);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", LocalDate.now().toString());
        json.put("command", run.command());
        json.put("machine", machine());
        if (run.ladder() != null) {
            json.put("ladder", run.ladder());
            json.put("ratios", LadderTable.ratios(run.ladder()));
        }
        if (run.jmh() != null) {
            json.put("jmh", run.jmh());
        }
        if (run.sweep() != null) {
            json.put("sweep", run.sweep());
        }
        if (run.api() != null) {
            json.put("api", run.api());
        }
        Path file = resultsDir.resolve(LocalDate.now() + partsSuffix(run) + ".json");
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(file.toFile(), json);
        return file;
    }

    /**
     * Empty for a whole run; for a partial one ({@code --skip}) the parts it ran, so that it does
     * not overwrite the day's whole run: {@code -ladder-api}.
     */
    static String partsSuffix(BenchRun run) {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("ladder", run.ladder());
        parts.put("jmh", run.jmh());
        parts.put("sweep", run.sweep());
        parts.put("api", run.api());
        if (!parts.containsValue(null)) {
            return "";
        }
        StringBuilder suffix = new StringBuilder();
        parts.forEach((name, part) -> suffix.append(part == null ? "" : "-" + name));
        return suffix.toString();
    }

    /** Replaces the sections of this run in BENCHMARKS.md and leaves every other line as it was. */
    public static void updateMarkdown(Path benchmarksMd, BenchRun run) throws IOException {
        String text = Files.exists(benchmarksMd) ? Files.readString(benchmarksMd) : "# Benchmarks\n";
        for (Map.Entry<String, String> section : sections(run).entrySet()) {
            text = replaceSection(text, section.getKey(), section.getValue());
        }
        Files.writeString(benchmarksMd, text);
    }

    /** Every table of the run, as printed at its end. */
    public static String tables(BenchRun run) {
        return String.join("\n", sections(run).values());
    }

    private static Map<String, String> sections(BenchRun run) {
        String header = "Run on " + LocalDate.now() + ", " + machine() + ", with `" + run.command() + "`.\n\n";
        Map<String, String> sections = new LinkedHashMap<>();
        if (run.ladder() != null) {
            sections.put("ladder", header + LadderTable.of(run.ladder()));
        }
        if (run.jmh() != null) {
            sections.put("jmh", header + JmhTable.of(run.jmh()));
        }
        if (run.sweep() != null) {
            sections.put("sweep", header + SweepTable.of(run.sweep()));
        }
        if (run.api() != null) {
            sections.put("api", header + ApiTable.of(run.api()));
        }
        return sections;
    }

    static String replaceSection(String text, String name, String content) {
        String begin = "<!-- bench:" + name + ":begin -->";
        String end = "<!-- bench:" + name + ":end -->";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        if (b < 0 || e < b) {
            return text + "\n" + begin + "\n" + content + end + "\n";
        }
        return text.substring(0, b + begin.length()) + "\n" + content + text.substring(e);
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, "
                + ManagementFactory.getRuntimeMXBean().getVmName() + " " + Runtime.version();
    }
}
