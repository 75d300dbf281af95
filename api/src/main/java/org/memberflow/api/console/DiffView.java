package org.memberflow.api.console;

import java.util.ArrayList;
import java.util.List;
import org.memberflow.rules.version.RuleSetDiff;

/** A file's unified diff split into lines, each with its kind, for +/- colouring. */
record DiffView(String path, RuleSetDiff.Change change, List<Line> lines) {

    /** @param kind add, remove, hunk, header or context */
    record Line(String kind, String text) {
    }

    static DiffView of(RuleSetDiff.FileDiff file) {
        List<Line> lines = new ArrayList<>();
        if (!file.diff().isEmpty()) {
            for (String line : file.diff().split("\n", -1)) {
                lines.add(new Line(kind(line), line));
            }
            if (!lines.isEmpty() && lines.get(lines.size() - 1).text().isEmpty()) {
                lines.remove(lines.size() - 1);
            }
        }
        return new DiffView(file.path(), file.change(), lines);
    }

    private static String kind(String line) {
        if (line.startsWith("+++") || line.startsWith("---")) {
            return "header";
        }
        if (line.startsWith("@@")) {
            return "hunk";
        }
        if (line.startsWith("+")) {
            return "add";
        }
        if (line.startsWith("-")) {
            return "remove";
        }
        return "context";
    }
}
