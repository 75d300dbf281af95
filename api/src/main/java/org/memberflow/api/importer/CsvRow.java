package org.memberflow.api.importer;

import java.util.List;
import java.util.Map;

/**
 * One data row: the physical line of the file it starts on (a quoted field may span lines), its
 * values by column name (trimmed; blank is null), and the values as they were, for the report.
 * {@code problem} is set when the row cannot be read as the header says (a wrong number of fields).
 */
record CsvRow(long line, Map<String, String> values, List<String> raw, String problem) {

    /** The trimmed value of a column, or null when it is blank or not in the file. */
    String get(String column) {
        return values.get(column);
    }
}
