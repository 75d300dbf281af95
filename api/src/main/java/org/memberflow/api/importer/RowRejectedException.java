package org.memberflow.api.importer;

/** A row that cannot be imported: the column at fault (empty for the row as a whole) and why. */
final class RowRejectedException extends Exception {
    private final String column;
    private final String reason;

    RowRejectedException(String column, String reason) {
        super(column.isEmpty() ? reason : column + ": " + reason);
        this.column = column;
        this.reason = reason;
    }

    String column() {
        return column;
    }

    String reason() {
        return reason;
    }
}
