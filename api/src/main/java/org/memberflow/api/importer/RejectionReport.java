package org.memberflow.api.importer;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The rejected rows of one import, as CSV ({@code line,column,reason,row}: the physical line the
 * row starts on, the column at fault, why, and the row as it was read), written with a byte-order
 * mark so that Excel opens it as UTF-8. Rewritten whole on every run; removed when no row is rejected.
 */
final class RejectionReport implements Closeable {
    private static final CSVFormat ROW = CSVFormat.DEFAULT.builder().setRecordSeparator("").get();
    private final Path path;
    private CSVPrinter printer;
    private long count;

    RejectionReport(Path path) {
        this.path = path;
    }

    void add(Rejection rejection) throws IOException {
        if (printer == null) {
            BufferedWriter writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
            printer.printRecord("line", "column", "reason", "row");
        }
        printer.printRecord(rejection.line(), rejection.column(), rejection.reason(),
                ROW.format(rejection.raw().toArray()));
        count++;
    }

    long count() {
        return count;
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        if (printer != null) {
            printer.close(true);
        } else {
            Files.deleteIfExists(path); // a report of an earlier run of a file that has none now
        }
    }
}
