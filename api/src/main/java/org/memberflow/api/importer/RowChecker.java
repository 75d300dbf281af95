package org.memberflow.api.importer;

import java.util.List;

/**
 * Judges rows before anything is sent: the file's own checks (the row's shape, values a column
 * cannot hold, an id met before), then the events the row becomes against the event contract.
 * The first rejection of a row is its reason; a rejected row is never sent.
 */
final class RowChecker {
    private final RowMapper mapper;
    private final String idColumn;
    private final EventContract contract = new EventContract();
    private final SeenIds seen = new SeenIds();

    RowChecker(RowMapper mapper, String idColumn) {
        this.mapper = mapper;
        this.idColumn = idColumn;
    }

    /** The row's events, all within the contract. Call it for the rows of a file in order (ids are remembered). */
    List<ImportEvent> check(CsvRow row) throws RowRejectedException {
        if (row.problem() != null) {
            throw new RowRejectedException("", row.problem());
        }
        List<ImportEvent> events = mapper.events(row);
        for (ImportEvent event : events) {
            contract.check(event);
        }
        String id = row.get(idColumn);
        long first = seen.firstLine(id, row.line());
        if (first >= 0) {
            throw new RowRejectedException(idColumn, "'" + id + "' appears again (first on line " + first + ")");
        }
        return events;
    }
}
