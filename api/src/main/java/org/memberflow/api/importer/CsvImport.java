package org.memberflow.api.importer;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.memberflow.api.event.FieldError;

/**
 * Imports one CSV file as events, in two passes. The first reads every row and judges it (so the
 * report of rejected rows is whole, and a file whose quoting is broken is refused before anything
 * is sent); the second sends the good rows after the last line already committed, in batches,
 * writing the progress file after each batch the server accepted. Run again, the same file resumes
 * where it stopped, and a finished file sends nothing.
 */
final class CsvImport {
    private final ImportSettings settings;
    private final EventSender sender;
    private final ProgressStore store;
    private final ProgressDisplay.Factory display;
    private final Clock clock;
    private volatile long committedLine;

    CsvImport(ImportSettings settings, EventSender sender, ProgressStore store, ProgressDisplay.Factory display,
            Clock clock) {
        this.settings = settings;
        this.sender = sender;
        this.store = store;
        this.display = display;
        this.clock = clock;
    }

    /** What the first pass found. */
    private record Scan(long rows, long lastLine, Set<Long> rejectedLines, long alreadyImported, long rowsDoneBefore,
            long rowsToSend, long eventsToSend) {
    }

    ImportSummary run() throws IOException, BadInputException, ServerFailedException, InterruptedException {
        FileFingerprint fingerprint = FileFingerprint.of(settings.file());
        ImportProgress progress = store.load(fingerprint.sha256(), settings.brand()).orElse(ImportProgress.start(
                settings.file().toString(), fingerprint.sha256(), settings.brand(), settings.kind()));
        committedLine = progress.lastLine();
        try (RejectionReport report = new RejectionReport(settings.rejectedReport())) {
            Scan scan = scan(progress, report);
            if (settings.dryRun() || progress.finished()) {
                return summary(scan, scan.rowsToSend(), scan.eventsToSend(), report, progress.finished());
            }
            long[] sent = send(progress, fingerprint.sha256(), scan, report);
            return summary(scan, sent[0], sent[1], report, false);
        } catch (CsvFile.MalformedCsvException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** The last line whose row is accepted or rejected for good: where a new run resumes. */
    long committedLine() {
        return committedLine;
    }

    private ImportSummary summary(Scan scan, long rowsSent, long eventsSent, RejectionReport report, boolean finishedBefore) {
        return new ImportSummary(settings.file(), scan.rows(), scan.alreadyImported(), rowsSent, eventsSent,
                report.count(), report.path(), settings.dryRun(), finishedBefore);
    }

    /** Pass one: every row judged, every rejection reported (the server's from earlier runs too). */
    private Scan scan(ImportProgress progress, RejectionReport report) throws IOException, BadInputException {
        Map<Long, Rejection> refusedBefore = new HashMap<>();
        progress.refused().forEach(r -> refusedBefore.put(r.line(), r));
        RowChecker checker = checker();
        Set<Long> rejected = new HashSet<>();
        long rows = 0;
        long lastLine = 0;
        long alreadyImported = 0;
        long doneBefore = 0;
        long rowsToSend = 0;
        long eventsToSend = 0;
        try (CsvFile file = open()) {
            for (CsvRow row : file) {
                rows++;
                lastLine = row.line();
                boolean before = row.line() <= progress.lastLine();
                doneBefore += before ? 1 : 0;
                Rejection rejection = refusedBefore.get(row.line());
                int events = 0;
                try {
                    events = checker.check(row).size();
                } catch (RowRejectedException e) {
                    rejection = new Rejection(row.line(), e.column(), e.reason(), row.raw());
                }
                if (rejection != null) {
                    rejected.add(row.line());
                    report.add(rejection);
                } else if (before) {
                    alreadyImported++;
                } else {
                    rowsToSend++;
                    eventsToSend += events;
                }
            }
        }
        return new Scan(rows, lastLine, rejected, alreadyImported, doneBefore, rowsToSend, eventsToSend);
    }

    /** Pass two: the good rows after the committed line, batch by batch. Returns {rows, events} sent. */
    private long[] send(ImportProgress start, String sha256, Scan scan, RejectionReport report)
            throws IOException, BadInputException, ServerFailedException, InterruptedException {
        ImportProgress progress = start;
        long[] sent = new long[2];
        RowChecker checker = checker();
        long done = scan.rowsDoneBefore();
        try (CsvFile file = open();
             ProgressDisplay shown = display.open(settings.file().getFileName().toString(), scan.rows(), done)) {
            Batch batch = new Batch(settings.batchSize());
            for (CsvRow row : file) {
                if (scan.rejectedLines().contains(row.line())) {
                    done += row.line() > start.lastLine() ? 1 : 0;
                    continue;
                }
                List<ImportEvent> events;
                try {
                    events = checker.check(row); // judged the same in pass one; run again for the ids it remembers
                } catch (RowRejectedException e) {
                    throw new IllegalStateException("line " + row.line() + " was judged differently in two passes", e);
                }
                if (row.line() <= start.lastLine()) {
                    continue;
                }
                Batch.Row next = new Batch.Row(row.line(), row.raw(), events);
                if (!batch.fits(next)) {
                    progress = flush(batch, progress, sha256, report, sent);
                    done += batch.rows().size();
                    shown.at(done);
                    batch = new Batch(settings.batchSize());
                }
                batch.add(next);
            }
            if (!batch.isEmpty()) {
                progress = flush(batch, progress, sha256, report, sent);
                done += batch.rows().size();
                shown.at(done);
            }
            progress = progress.finished(scan.lastLine(), clock.instant().toString());
            store.save(progress);
            committedLine = progress.lastLine();
        }
        return sent;
    }

    /**
     * Sends a batch until the server takes it: rows it refuses (a 400 naming their events) are
     * reported and the rest sent again. Then the progress file moves past the batch.
     */
    private ImportProgress flush(Batch batch, ImportProgress progress, String sha256, RejectionReport report, long[] sent)
            throws IOException, ServerFailedException, InterruptedException {
        Batch toSend = batch;
        int rows = 0;
        int events = 0;
        while (!toSend.isEmpty()) {
            byte[] body = toSend.body();
            EventSender.Answer answer = sender.send(body, toSend.idempotencyKey(sha256, settings.brand(), body));
            if (answer.accepted()) {
                rows = toSend.rows().size();
                events = toSend.eventCount();
                break;
            }
            List<Rejection> refused = refusedRows(toSend, answer.errors());
            for (Rejection r : refused) {
                report.add(r);
            }
            progress = progress.refusing(refused);
            toSend = toSend.without(refused.stream().map(Rejection::line).toList());
        }
        sent[0] += rows;
        sent[1] += events;
        ImportProgress committed = progress.committed(batch.lastLine(), rows, events, clock.instant().toString());
        store.save(committed);
        committedLine = committed.lastLine();
        return committed;
    }

    /** The rows a 400 names, by the index of their events in the body; the first error of a row is its reason. */
    private static List<Rejection> refusedRows(Batch batch, List<FieldError> errors) throws ServerFailedException {
        Map<Long, Rejection> byLine = new LinkedHashMap<>();
        for (FieldError error : errors) {
            String[] parts = error.pointer().split("/", 3);
            Batch.Row row = null;
            int index = -1;
            if (parts.length >= 2 && parts[1].matches("\\d{1,4}")) {
                index = Integer.parseInt(parts[1]);
                row = batch.rowOfEvent(index);
            }
            if (row == null) {
                throw new ServerFailedException("the server refused the batch of " + batch.describe() + " as a whole: "
                        + (error.pointer().isEmpty() ? "" : error.pointer() + " ") + error.detail());
            }
            String field = parts.length == 3 ? "/" + parts[2] : "";
            ImportEvent event = eventAt(batch, index);
            byLine.putIfAbsent(row.line(), new Rejection(row.line(), event.column(field),
                    "refused by the server: " + (field.isEmpty() ? "" : field.substring(1) + " ") + error.detail(), row.raw()));
        }
        return new ArrayList<>(byLine.values());
    }

    private static ImportEvent eventAt(Batch batch, int index) {
        int i = index;
        for (Batch.Row row : batch.rows()) {
            if (i < row.events().size()) {
                return row.events().get(i);
            }
            i -= row.events().size();
        }
        throw new IllegalArgumentException("no event " + index);
    }

    private RowChecker checker() {
        return new RowChecker(settings.kind().mapper(settings.brand(), settings.zone()), settings.kind().idColumn());
    }

    private CsvFile open() throws IOException, BadInputException {
        return CsvFile.open(settings.file(), settings.kind().columns(), settings.kind().required());
    }
}
