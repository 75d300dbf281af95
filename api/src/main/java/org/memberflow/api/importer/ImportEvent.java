package org.memberflow.api.importer;

import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * One event a row becomes, and which column each of its fields came from, so that a field the
 * event contract refuses ({@code /profile/birthday}) is reported by its column ({@code birthday}).
 */
record ImportEvent(ObjectNode json, Map<String, String> columnByField) {

    /** The column behind a JSON pointer into the event: the longest field prefix known, or "" for the row. */
    String column(String pointer) {
        String best = "";
        String column = "";
        for (Map.Entry<String, String> e : columnByField.entrySet()) {
            String field = e.getKey();
            boolean covers = pointer.equals(field) || pointer.startsWith(field + "/");
            if (covers && field.length() > best.length()) {
                best = field;
                column = e.getValue();
            }
        }
        return column;
    }
}
