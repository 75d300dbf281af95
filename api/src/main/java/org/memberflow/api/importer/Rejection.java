package org.memberflow.api.importer;

import java.util.List;

/** A row not imported: its line, the column at fault ("" for the row as a whole), why, and its values as read. */
record Rejection(long line, String column, String reason, List<String> raw) {
}
