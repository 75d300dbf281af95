package org.memberflow.rules.check;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule file as DRL: the file's own text, or the DRL a decision table generates (which explain
 * and diff can show to marketers).
 */
public record DrlSource(String path, RuleFileKind kind, String drl) {
    private static final Pattern RULE_VALUES = Pattern.compile("^\\s*// rule values at [A-Z]+(\\d+)");

    /**
     * Where a line of the DRL is, for people: the line itself in a DRL file; in a decision table,
     * the generated rule holding it (its name carries the table's row).
     */
    public String locate(int line) {
        if (kind == RuleFileKind.DRL || line <= 0) {
            return "";
        }
        String[] lines = drl.split("\n", -1);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            String l = lines[i].trim();
            if (l.startsWith("rule ")) {
                return "generated " + l + ": ";
            }
        }
        return "";
    }

    /**
     * The spreadsheet row a line of a decision table's DRL came from (Drools notes it above each
     * rule: {@code // rule values at B15}), so that errors point at the row to fix; for a DRL
     * file, the line itself; 0 when unknown.
     */
    public int row(int line) {
        if (kind == RuleFileKind.DRL || line <= 0) {
            return Math.max(line, 0);
        }
        String[] lines = drl.split("\n", -1);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            Matcher m = RULE_VALUES.matcher(lines[i]);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return 0;
    }
}
