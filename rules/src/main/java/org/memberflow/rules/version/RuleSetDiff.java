package org.memberflow.rules.version;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.memberflow.rules.check.DrlSource;
import org.memberflow.rules.check.RuleSetChecker;
import org.memberflow.rules.session.RuleFile;

/**
 * What changed from one rule-set version to another, file by file, as unified diffs of their
 * text. A decision table is compared as the DRL it generates, so a changed cell shows as the
 * changed line of its rule.
 */
public final class RuleSetDiff {
    private static final int CONTEXT_LINES = 3;

    private RuleSetDiff() {
    }

    public enum Change { ADDED, REMOVED, CHANGED, UNCHANGED }

    /** One file: its change and the unified diff (empty when unchanged). */
    public record FileDiff(String path, Change change, String diff) {
    }

    public static List<FileDiff> between(List<RuleFile> from, List<RuleFile> to) {
        Map<String, String> before = texts(from);
        Map<String, String> after = texts(to);
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<FileDiff> diffs = new ArrayList<>();
        for (String path : paths) {
            String a = before.get(path);
            String b = after.get(path);
            Change change = a == null ? Change.ADDED : b == null ? Change.REMOVED
                    : a.equals(b) ? Change.UNCHANGED : Change.CHANGED;
            diffs.add(new FileDiff(path, change, change == Change.UNCHANGED ? "" : unified(path, a, b)));
        }
        return diffs;
    }

    private static String unified(String path, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<String> out = UnifiedDiffUtils.generateUnifiedDiff(before == null ? "/dev/null" : "a/" + path,
                after == null ? "/dev/null" : "b/" + path, a, patch, CONTEXT_LINES);
        return String.join("\n", out) + "\n";
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\r?\n", -1));
    }

    /** The text of each file that reads: DRL as written, decision tables as generated DRL. */
    private static Map<String, String> texts(List<RuleFile> files) {
        Map<String, String> texts = new TreeMap<>();
        for (DrlSource source : new RuleSetChecker().check(files).sources()) {
            texts.put(source.path(), source.drl());
        }
        return texts;
    }
}
