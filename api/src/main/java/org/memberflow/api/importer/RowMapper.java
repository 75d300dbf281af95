package org.memberflow.api.importer;

import java.util.List;

/** Turns one row of an import file into the events it stands for. */
interface RowMapper {

    /** @throws RowRejectedException naming the column when a value cannot be read */
    List<ImportEvent> events(CsvRow row) throws RowRejectedException;
}
