package org.memberflow.rules.session;

import java.util.Objects;

/**
 * One file of a rule set: a DRL file ({@code *.drl}) or a decision table ({@code *.drl.xlsx},
 * {@code *.drl.csv}). Decision tables are binary, so content is bytes.
 */
public record RuleFile(String path, byte[] content) {
    public RuleFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
    }
}
