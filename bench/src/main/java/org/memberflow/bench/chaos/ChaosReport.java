package org.memberflow.bench.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.memberflow.bench.chaos.ScenarioResult.Figure;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The figures of a {@code scripts/chaos} run: a table for the terminal and {@code <date>-chaos.json}. */
final class ChaosReport {
    private ChaosReport() {
    }

    static String table(List<ScenarioResult> results) {
        int width = 44;
        for (ScenarioResult r : results) {
            for (Figure f : r.figures()) {
                width = Math.max(width, f.name().length());
            }
        }
        StringBuilder sb = new StringBuilder();
        String row = "%-14s %-" + width + "s %14s %10s  %s%n";
        sb.append(String.format(row, "scenario", "figure", "value", "must be", ""));
        for (ScenarioResult r : results) {
            for (Figure f : r.figures()) {
                sb.append(String.format(row, r.scenario(), f.name(), String.format("%,d", f.value()),
                        f.expected() == null ? "" : String.format("%,d", f.expected()), f.ok() ? "" : "BROKEN"));
            }
            sb.append(String.format("%-14s %s%n", r.scenario(), r.held() ? "held" : "BROKE: " + String.join("; ",
                    r.failures())));
        }
        return sb.toString();
    }

    static Path writeJson(Path dir, String command, List<ScenarioResult> results) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", LocalDate.now().toString());
        json.put("command", command);
        json.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "java",
                System.getProperty("java.version")));
        json.put("held", results.stream().allMatch(ScenarioResult::held));
        json.put("scenarios", results);
        Path file = dir.resolve(LocalDate.now() + "-chaos.json");
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(file.toFile(), json);
        return file;
    }
}
