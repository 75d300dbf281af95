package org.memberflow.api.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Chart.js configuration ({@code type}, {@code data}, {@code options}) built on the server and
 * handed to the page as JSON, so that the page's one script draws every chart the same way.
 */
final class ChartConfig {
    /** Colours that stay apart from each other, in order; the n-th series takes the n-th. */
    private static final List<String> PALETTE = List.of("#2563eb", "#16a34a", "#dc2626", "#d97706", "#7c3aed",
            "#0891b2", "#db2777", "#65a30d", "#64748b", "#ea580c", "#0d9488", "#9333ea");
    private final String type;
    private final List<String> labels;
    private final List<Map<String, Object>> datasets = new ArrayList<>();
    private final Map<String, Object> options = new LinkedHashMap<>();

    private ChartConfig(String type, List<String> labels) {
        this.type = type;
        this.labels = List.copyOf(labels);
        options.put("responsive", true);
        options.put("maintainAspectRatio", false);
        options.put("animation", false);
        options.put("plugins", Map.of("legend", Map.of("position", "bottom")));
    }

    static ChartConfig of(String type, List<String> labels) {
        return new ChartConfig(type, labels);
    }

    static String colour(int index) {
        return PALETTE.get(index % PALETTE.size());
    }

    /** A series in the next colour of the palette. */
    ChartConfig series(String label, List<? extends Number> values) {
        String colour = colour(datasets.size());
        return series(label, values, colour);
    }

    ChartConfig series(String label, List<? extends Number> values, Object colours) {
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("label", label);
        dataset.put("data", values);
        dataset.put("backgroundColor", colours);
        dataset.put("borderColor", colours);
        dataset.put("spanGaps", true);
        datasets.add(dataset);
        return this;
    }

    /** No legend: a single series whose bars the labels name. */
    ChartConfig withoutLegend() {
        options.put("plugins", Map.of("legend", Map.of("display", false)));
        return this;
    }

    /** Bars stacked on each other, the value axis from zero. */
    ChartConfig stacked() {
        options.put("scales", Map.of("x", Map.of("stacked", true), "y", Map.of("stacked", true, "beginAtZero", true)));
        return this;
    }

    /** Horizontal bars with the value axis from 0 to at least {@code max}. */
    ChartConfig horizontal(double max) {
        options.put("indexAxis", "y");
        options.put("scales", Map.of("x", Map.of("beginAtZero", true, "suggestedMax", max)));
        return this;
    }

    ChartConfig fromZero() {
        options.put("scales", Map.of("y", Map.of("beginAtZero", true)));
        return this;
    }

    Map<String, Object> toMap() {
        return Map.of("type", type, "data", Map.of("labels", labels, "datasets", datasets), "options", options);
    }
}
