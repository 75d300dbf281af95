package org.memberflow.api.importer;

import java.time.ZoneId;
import java.util.List;

/** The two files an import reads: their columns, the column that names a row, and how rows become events. */
enum ImportKind {
    MEMBERS(MemberRows.COLUMNS, MemberRows.REQUIRED, "member_id") {
        @Override
        RowMapper mapper(String brand, ZoneId zone) {
            return new MemberRows(brand, zone);
        }
    },
    ORDERS(OrderRows.COLUMNS, OrderRows.REQUIRED, "order_id") {
        @Override
        RowMapper mapper(String brand, ZoneId zone) {
            return new OrderRows(brand, zone);
        }
    };

    private final List<String> columns;
    private final List<String> required;
    private final String idColumn;

    ImportKind(List<String> columns, List<String> required, String idColumn) {
        this.columns = columns;
        this.required = required;
        this.idColumn = idColumn;
    }

    abstract RowMapper mapper(String brand, ZoneId zone);

    List<String> columns() {
        return columns;
    }

    List<String> required() {
        return required;
    }

    /** The column whose value may appear once per file (the same member or order twice is an error). */
    String idColumn() {
        return idColumn;
    }
}
