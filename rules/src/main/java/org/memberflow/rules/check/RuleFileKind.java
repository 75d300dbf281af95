package org.memberflow.rules.check;

import java.util.Optional;

/** The kinds of rule file a rule set may hold, known by the end of their name. */
public enum RuleFileKind {
    DRL(".drl"),
    XLSX(".drl.xlsx"),
    CSV(".drl.csv");

    private final String suffix;

    RuleFileKind(String suffix) {
        this.suffix = suffix;
    }

    public static Optional<RuleFileKind> of(String path) {
        for (RuleFileKind kind : values()) {
            if (path.endsWith(kind.suffix)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    public boolean isDecisionTable() {
        return this != DRL;
    }
}
