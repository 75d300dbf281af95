package org.memberflow.rules.check;

/**
 * A rule file as DRL: the file's own text, or the DRL a decision table generates (which explain
 * and diff can show to marketers).
 */
public record DrlSource(String path, RuleFileKind kind, String drl) {

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
}
