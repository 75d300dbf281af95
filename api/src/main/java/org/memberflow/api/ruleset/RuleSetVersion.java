package org.memberflow.api.ruleset;

import java.time.Instant;

/** One version of the rule set, without its files. */
public record RuleSetVersion(int version, String name, String checksum, String author, String comment,
        RuleSetStatus status, Instant createdAt, Instant activatedAt) {

    /** {@code name:version}, as the engine records it on every action this version decides. */
    public String label() {
        return name + ":" + version;
    }

    /** A file of a version, without its content. */
    public record FileSize(String path, int bytes) {
    }
}
