package org.memberflow.api.importer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;

/**
 * Consecutive rows sent in one {@code POST /api/v1/events}: each row's events together (a row is
 * imported whole or not at all), at most {@code maxEvents} in all. Given the same file and options,
 * the same rows always form the same batches, with the same body and so the same
 * {@code Idempotency-Key}.
 */
final class Batch {
    /** One row of the batch: its line and its events. */
    record Row(long line, List<String> raw, List<ImportEvent> events) {
    }

    private final int maxEvents;
    private final List<Row> rows = new ArrayList<>();
    private int events;

    Batch(int maxEvents) {
        this.maxEvents = maxEvents;
    }

    /** Whether the row's events still fit; a row always fits an empty batch. */
    boolean fits(Row row) {
        return rows.isEmpty() || events + row.events().size() <= maxEvents;
    }

    void add(Row row) {
        rows.add(row);
        events += row.events().size();
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    List<Row> rows() {
        return rows;
    }

    int eventCount() {
        return events;
    }

    long lastLine() {
        return rows.get(rows.size() - 1).line();
    }

    /** The row that holds the {@code index}-th event of the body, or null if there is none. */
    Row rowOfEvent(int index) {
        int seen = 0;
        for (Row row : rows) {
            seen += row.events().size();
            if (index < seen) {
                return row;
            }
        }
        return null;
    }

    /** The same batch without the rows on these lines. */
    Batch without(Collection<Long> lines) {
        Batch rest = new Batch(maxEvents);
        rows.stream().filter(r -> !lines.contains(r.line())).forEach(rest::add);
        return rest;
    }

    /** The JSON array of every event of every row, in file order. */
    byte[] body() {
        ArrayNode array = EventJson.MAPPER.createArrayNode();
        rows.forEach(row -> row.events().forEach(e -> array.add(e.json())));
        return EventJson.MAPPER.writeValueAsBytes(array);
    }

    /**
     * The {@code Idempotency-Key}: the file, the brand, the first line and the body. The server
     * answers a repeat with its first answer for 24 hours, so a batch it accepted just before the
     * import was cut off (the progress file not yet written) is not applied twice on resume.
     */
    String idempotencyKey(String fileSha256, String brand, byte[] body) {
        String bodySha = HexFormat.of().formatHex(FileFingerprint.newDigest().digest(body));
        return "memberflow-import-" + FileFingerprint.sha256Of(fileSha256, brand, Long.toString(rows.get(0).line()),
                bodySha);
    }

    /** For messages: lines 17 to 1,016. */
    String describe() {
        return "lines " + rows.get(0).line() + " to " + lastLine();
    }
}
