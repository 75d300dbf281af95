package org.memberflow.engine.ruleset;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.memberflow.rules.session.RuleFile;

/**
 * The contract of {@code rule-sets}: the active rule set, files and all, so that an engine
 * instance needs nothing but the topic to run it. The topic is compacted under one key
 * ({@link #KEY}): its last record is what every instance runs.
 *
 * @param version  the version number the server gave it (MySQL is the catalogue of versions)
 * @param checksum SHA-256 of the files, as {@link RuleFile#checksum(List)} computes it
 */
public record RuleSetRecord(String name, int version, String checksum, String activatedBy, Instant activatedAt,
        List<File> files) {
    /** The one key of the topic: only the latest activation matters. */
    public static final String KEY = "active";

    public RuleSetRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(files, "files");
        files = List.copyOf(files);
    }

    /** {@code name:version}, as recorded on every action this rule set decides. */
    public String label() {
        return name + ":" + version;
    }

    public List<RuleFile> ruleFiles() {
        return files.stream().map(f -> new RuleFile(f.path(), f.content())).toList();
    }

    /** One file; the content travels as base64 in the JSON. */
    public record File(String path, byte[] content) {
    }
}
