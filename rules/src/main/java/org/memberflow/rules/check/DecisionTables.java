package org.memberflow.rules.check;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * Turns a decision table (a spreadsheet, {@code *.drl.xlsx}, or {@code *.drl.csv}) into the DRL
 * Drools generates from it, within limits, because a spreadsheet is a zip of XML from outside:
 * at most {@value #MAX_BYTES} bytes and {@value #MAX_ROWS} rows, read within
 * {@link #TIME_LIMIT}, with POI's zip-bomb limits tightened (its XML parsing refuses DTDs, so
 * no external entities and no entity expansion).
 */
final class DecisionTables {
    /** A qualified class name leading a message: {@code org.apache.xmlbeans.XmlException: }. */
    private static final Pattern CLASS_NAME = Pattern.compile("^\\s*(?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*:\\s*");
    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_ROWS = 10_000;
    static final Duration TIME_LIMIT = Duration.ofSeconds(20);
    /** One parse at a time, on a daemon thread that a parse past its time cannot keep the JVM up with. */
    private static final ExecutorService PARSER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "decision-table-parser");
        t.setDaemon(true);
        return t;
    });

    static {
        ZipSecureFile.setMinInflateRatio(0.01); // a part may inflate 100 times, no more
        ZipSecureFile.setMaxEntrySize(64L * 1024 * 1024);
        ZipSecureFile.setMaxTextSize(16L * 1024 * 1024);
        ZipSecureFile.setMaxFileCount(1_000);
    }

    private DecisionTables() {
    }

    /** The DRL of the table; a {@link RuleFileException} says why it cannot be read. */
    static String toDrl(RuleFileKind kind, byte[] content) throws RuleFileException {
        if (content.length > MAX_BYTES) {
            throw new RuleFileException("a decision table may be at most " + MAX_BYTES / (1024 * 1024) + " MiB; this one is "
                    + content.length + " bytes");
        }
        Future<String> parse = PARSER.submit(() -> kind == RuleFileKind.CSV ? csv(content) : spreadsheet(content));
        try {
            return parse.get(TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            parse.cancel(true);
            throw new RuleFileException("reading the decision table took longer than " + TIME_LIMIT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuleFileException("interrupted while reading the decision table");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuleFileException r) {
                throw r;
            }
            throw new RuleFileException("the decision table cannot be read: " + describe(cause));
        }
    }

    private static String spreadsheet(byte[] content) throws IOException, RuleFileException {
        requireRows(SheetRows.count(content, MAX_ROWS));
        int rows = 0;
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            for (Sheet sheet : workbook) {
                rows += sheet.getPhysicalNumberOfRows();
            }
        }
        requireRows(rows);
        return compile(new ByteArrayInputStream(content), InputType.XLS);
    }

    private static String csv(byte[] content) throws RuleFileException {
        String text = new String(content, StandardCharsets.UTF_8);
        requireRows(text.lines().count());
        return compile(new ByteArrayInputStream(content), InputType.CSV);
    }

    private static String compile(InputStream in, InputType type) throws RuleFileException {
        String drl = new SpreadsheetCompiler().compile(in, type);
        if (drl == null || drl.isBlank()) {
            throw new RuleFileException("the decision table has no RuleSet and RuleTable: nothing to compile");
        }
        return drl;
    }

    private static void requireRows(long rows) throws RuleFileException {
        if (rows > MAX_ROWS) {
            throw new RuleFileException("a decision table may have at most " + MAX_ROWS + " rows; this one has "
                    + (rows == MAX_ROWS + 1 ? "more" : rows));
        }
    }

    /**
     * The most specific message of the failure, first line, without class names: a wrapping
     * exception's message is its cause's {@code toString()} ("org.apache.xmlbeans.XmlException:
     * ..."), and a problem document must not show the server's insides (found by the chaos fuzz).
     */
    static String describe(Throwable t) {
        String message = null;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                message = c.getMessage();
            }
        }
        if (message == null) {
            return "it is not a valid spreadsheet";
        }
        String first = message.lines().findFirst().orElse(message);
        for (String stripped = CLASS_NAME.matcher(first).replaceFirst(""); !stripped.equals(first);
                stripped = CLASS_NAME.matcher(first).replaceFirst("")) {
            first = stripped;
        }
        return first.isBlank() ? "it is not a valid spreadsheet" : first;
    }
}
