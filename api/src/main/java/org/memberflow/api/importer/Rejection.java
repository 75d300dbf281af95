package org.memberflow.api.importer;

import java.util.List;
import org.memberflow.api.privacy.PhoneMask;

/**
 * A row not imported: its line, the column at fault ("" for the row as a whole), why, and its
 * values as read, phone numbers masked (the report and the progress file are plain files).
 */
record Rejection(long line, String column, String reason, List<String> raw) {
    Rejection {
        raw = raw.stream().map(value -> value == null ? null : PhoneMask.maskAll(value)).toList();
    }
}
