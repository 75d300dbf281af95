package org.memberflow.api.importer;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * One import: which kind of file, the file, the brand its events carry, the zone of times written
 * without an offset, how many events go in one request, where rejected rows are reported, and
 * whether to send at all.
 */
record ImportSettings(ImportKind kind, Path file, String brand, ZoneId zone, int batchSize, Path rejectedReport,
        boolean dryRun) {
    static final int MAX_BATCH = 1000;

    ImportSettings {
        if (batchSize < 2 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("the batch size is 2 to " + MAX_BATCH + " events, not " + batchSize);
        }
    }

    /** {@code members.csv.rejected.csv} beside the input, unless a path is given. */
    static Path defaultReport(Path file) {
        return file.resolveSibling(file.getFileName() + ".rejected.csv");
    }
}
