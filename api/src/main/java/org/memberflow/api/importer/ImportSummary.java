package org.memberflow.api.importer;

import java.nio.file.Path;

/**
 * What one run did with a file: {@code rows} read, {@code alreadyImported} by earlier runs,
 * {@code rowsSent} (as {@code eventsSent} events) now, or that would be in a dry run,
 * {@code rejected} in all (listed in {@code report}), and whether the file was finished before.
 */
record ImportSummary(Path file, long rows, long alreadyImported, long rowsSent, long eventsSent, long rejected,
        Path report, boolean dryRun, boolean finishedBefore) {

    String describe() {
        StringBuilder text = new StringBuilder(file.getFileName().toString()).append(": ");
        if (finishedBefore) {
            text.append("imported before; nothing to send. ");
        }
        text.append(rows).append(" rows read, ").append(rowsSent).append(dryRun ? " would be sent (" : " sent (")
                .append(eventsSent).append(" events), ").append(alreadyImported).append(" already imported, ")
                .append(rejected).append(" rejected");
        if (rejected > 0) {
            text.append(" (lines and reasons in ").append(report).append(')');
        }
        return text.toString();
    }
}
