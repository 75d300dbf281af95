package org.memberflow.api.importer;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file (UTF-8, optional BOM, RFC 4180 quoting) whose first row names the columns, in
 * any order, and hands out its rows with the physical line each starts on. Blank lines are
 * skipped but counted, so the line numbers are the ones an editor shows.
 */
final class CsvFile implements Closeable, Iterable<CsvRow> {
    // Empty lines are kept as records so that no line goes uncounted; they are skipped here.
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
    private final Path path;
    private final CSVParser parser;
    private final List<String> header;

    private CsvFile(Path path, CSVParser parser, List<String> header) {
        this.path = path;
        this.parser = parser;
        this.header = header;
    }

    /**
     * Opens the file and checks its header against the columns of its kind.
     *
     * @throws BadInputException without a header, with a column named twice, a column not in
     *                           {@code known}, or without one in {@code required}
     */
    static CsvFile open(Path path, List<String> known, List<String> required) throws IOException, BadInputException {
        BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        try {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset(); // no byte-order mark
            }
            CSVParser parser = FORMAT.parse(reader);
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new BadInputException(path.getFileName() + " is empty: the first line must name the columns ("
                        + String.join(",", known) + ")");
            }
            List<String> header = header(path, records.next(), known, required);
            return new CsvFile(path, parser, header);
        } catch (UncheckedIOException e) {
            reader.close();
            throw new BadInputException(path.getFileName() + ": the header cannot be read (" + e.getCause().getMessage()
                    + ")");
        } catch (BadInputException | IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private static List<String> header(Path path, CSVRecord record, List<String> known, List<String> required)
            throws BadInputException {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String value : record) {
            String name = value.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw new BadInputException(path.getFileName() + ": column " + (names.size() + 1) + " of the header"
                        + " has no name");
            }
            if (!seen.add(name)) {
                throw new BadInputException(path.getFileName() + ": the column " + name + " is named twice in the header");
            }
            if (!known.contains(name)) {
                unknown.add(name);
            }
            names.add(name);
        }
        if (!unknown.isEmpty()) {
            throw new BadInputException(path.getFileName() + ": unknown column(s) " + String.join(", ", unknown)
                    + "; the columns are " + String.join(", ", known) + " (see the README, \"Import members and orders"
                    + " from CSV\")");
        }
        List<String> missing = required.stream().filter(c -> !seen.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new BadInputException(path.getFileName() + ": the header lacks the required column(s) "
                    + String.join(", ", missing));
        }
        return List.copyOf(names);
    }

    List<String> header() {
        return header;
    }

    /**
     * The data rows, once. Broken quoting (a quote never closed) throws {@link MalformedCsvException}
     * naming the line where the unreadable part starts.
     */
    @Override
    public Iterator<CsvRow> iterator() {
        Iterator<CSVRecord> records = parser.iterator();
        return new Iterator<>() {
            // Where the previous record ended; the next one starts on the line after it.
            private long lastLine = parser.getCurrentLineNumber();
            private CsvRow next;

            @Override
            public boolean hasNext() {
                while (next == null) {
                    CSVRecord record;
                    try {
                        if (!records.hasNext()) {
                            return false;
                        }
                        record = records.next();
                    } catch (UncheckedIOException e) {
                        throw new MalformedCsvException(path.getFileName() + ": from line " + (lastLine + 1) + ", the"
                                + " CSV cannot be read (" + e.getCause().getMessage() + "); check the quotes around"
                                + " that row");
                    }
                    long line = lastLine + 1;
                    lastLine = parser.getCurrentLineNumber();
                    if (record.size() == 1 && record.get(0).isBlank()) {
                        continue; // a blank line
                    }
                    next = row(line, record);
                }
                return true;
            }

            @Override
            public CsvRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CsvRow row = next;
                next = null;
                return row;
            }
        };
    }

    private CsvRow row(long line, CSVRecord record) {
        List<String> raw = record.toList();
        // Spreadsheets often leave empty cells after the last column: those are not an error.
        int size = raw.size();
        while (size > header.size() && raw.get(size - 1).isBlank()) {
            size--;
        }
        if (size != header.size()) {
            return new CsvRow(line, Map.of(), raw, "has " + size + " field(s), the header " + header.size());
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String value = raw.get(i).strip();
            if (!value.isEmpty()) {
                values.put(header.get(i), value);
            }
        }
        return new CsvRow(line, values, raw, null);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** The file's quoting is broken from some line on: the rest cannot be read as rows. */
    static final class MalformedCsvException extends RuntimeException {
        MalformedCsvException(String message) {
            super(message);
        }
    }
}
