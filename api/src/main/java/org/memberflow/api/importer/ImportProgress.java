package org.memberflow.api.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * How far the import of one file for one brand has come, as kept in its progress file: every row
 * starting on or before {@code lastLine} was accepted by the server or rejected; {@code refused}
 * are the rows the server itself refused (kept so that a resumed run still reports them).
 */
record ImportProgress(String file, String sha256, String brand, String kind, long lastLine, long rowsSent,
        long eventsSent, List<Rejection> refused, boolean finished, String updatedAt) {

    static ImportProgress start(String file, String sha256, String brand, ImportKind kind) {
        return new ImportProgress(file, sha256, brand, kind.name(), 0, 0, 0, List.of(), false, null);
    }

    /** After a batch the server accepted. */
    ImportProgress committed(long line, int rows, int events, String at) {
        return new ImportProgress(file, sha256, brand, kind, line, rowsSent + rows, eventsSent + events, refused, false, at);
    }

    /** After the server refused rows of a batch. */
    ImportProgress refusing(List<Rejection> more) {
        List<Rejection> all = new ArrayList<>(refused);
        all.addAll(more);
        return new ImportProgress(file, sha256, brand, kind, lastLine, rowsSent, eventsSent, List.copyOf(all), finished,
                updatedAt);
    }

    /** Every row handled, up to the file's last line. */
    ImportProgress finished(long line, String at) {
        return new ImportProgress(file, sha256, brand, kind, Math.max(lastLine, line), rowsSent, eventsSent, refused, true, at);
    }
}
