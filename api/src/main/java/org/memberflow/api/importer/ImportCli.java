package org.memberflow.api.importer;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scripts/import members|orders FILE}: loads a brand's members or order history from CSV
 * as events, through {@code POST /api/v1/events}. Exit codes: 0 done, 1 done but rows were
 * rejected (see the report), 2 bad usage or a file that cannot be imported, 3 the server could not
 * be reached or failed (what it accepted is kept: run again to resume), 130 interrupted.
 */
@Command(name = "import", mixinStandardHelpOptions = true, subcommands = {ImportCli.Members.class, ImportCli.Orders.class},
        description = "Import a brand's members and order history from CSV files, as events (import members first).")
public final class ImportCli {
    static final int REJECTED_ROWS = 1;
    static final int USAGE = 2;
    static final int SERVER_FAILED = 3;
    static final int INTERRUPTED = 130;

    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(args, new PrintWriter(System.out, true), err, ProgressDisplay.console(err)));
    }

    /** Runs a command line; returns its exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err, ProgressDisplay.Factory display) {
        CommandLine cli = new CommandLine(new ImportCli(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K command = CommandLine.defaultFactory().create(type);
                if (command instanceof FileCommand file) {
                    file.display = display;
                }
                return command;
            }
        });
        cli.setOut(out);
        cli.setErr(err);
        // Anything unforeseen is the server's or the machine's failure, not a bad file.
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE : SERVER_FAILED);
        return cli.execute(args);
    }

    /** What both kinds of file take. */
    abstract static class FileCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "the CSV file (UTF-8, a header row naming the columns)")
        Path file;
        @Option(names = "--brand", defaultValue = "default",
                description = "the brand the events belong to (brandId; default: ${DEFAULT-VALUE})")
        String brand;
        @Option(names = "--server", defaultValue = "${env:MEMBERFLOW_URL:-http://localhost:8080}",
                description = "the MemberFlow server (default: $MEMBERFLOW_URL or ${DEFAULT-VALUE})")
        String server;
        @Option(names = "--key", defaultValue = "${env:MEMBERFLOW_API_KEY}",
                description = "an API key with the INGEST or ADMIN role (default: $MEMBERFLOW_API_KEY)")
        String key;
        @Option(names = "--time-zone", defaultValue = "Asia/Shanghai",
                description = "the zone of dates and times written without an offset (default: ${DEFAULT-VALUE};"
                        + " in members.csv a row's time_zone comes first)")
        String timeZone;
        @Option(names = "--batch-size", defaultValue = "500",
                description = "events per request, 2 to 1000 (default: ${DEFAULT-VALUE})")
        int batchSize;
        @Option(names = "--retries", defaultValue = "8",
                description = "attempts per request while the server is away or busy, 1 s doubling to 30 s apart"
                        + " (default: ${DEFAULT-VALUE})")
        int attempts;
        @Option(names = "--state-dir", defaultValue = "${env:MEMBERFLOW_IMPORT_STATE_DIR:-.local/imports}",
                description = "where the progress files are kept (default: ${DEFAULT-VALUE})")
        Path stateDir;
        @Option(names = "--rejected", description = "the report of rejected rows (default: FILE.rejected.csv)")
        Path rejected;
        @Option(names = "--dry-run", description = "check every row and write the report; send nothing")
        boolean dryRun;
        @Option(names = "--no-progress", description = "no progress bar")
        boolean noProgress;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        ProgressDisplay.Factory display = ProgressDisplay.NONE;

        abstract ImportKind kind();

        /**
         * Progress is kept per server: the same file imported into staging and then production is
         * sent to each (the folder is named by the server's address, without a trailing slash).
         */
        static String serverFolder(String server) {
            String normalised = server.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("/+$", "");
            return FileFingerprint.sha256Of(normalised).substring(0, 16);
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ImportSettings settings;
            try {
                settings = settings();
            } catch (IllegalArgumentException | DateTimeException e) {
                err.println(e.getMessage());
                return USAGE;
            }
            CsvImport importer = new CsvImport(settings, new HttpEventSender(server, key,
                    new RetryPolicy(attempts, RetryPolicy.DEFAULT.firstDelay(), RetryPolicy.DEFAULT.maxDelay())),
                    new ProgressStore(stateDir.resolve(serverFolder(server))), noProgress ? ProgressDisplay.NONE : display,
                    Clock.systemUTC());
            // Ctrl-C: the progress file is whole at every moment; say where a new run will resume.
            Thread interrupted = new Thread(() -> err.println("interrupted; " + kept(importer)
                    + ": run the same command again to resume"));
            Runtime.getRuntime().addShutdownHook(interrupted);
            try {
                ImportSummary summary = importer.run();
                out.println(summary.describe());
                return summary.rejected() > 0 ? REJECTED_ROWS : 0;
            } catch (BadInputException e) {
                err.println(e.getMessage());
                return USAGE;
            } catch (IOException e) {
                err.println("cannot read or write " + e.getMessage());
                return USAGE;
            } catch (ServerFailedException e) {
                err.println(e.getMessage() + "; " + kept(importer) + ": run the same command again to resume");
                return SERVER_FAILED;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                err.println("interrupted; " + kept(importer) + ": run the same command again to resume");
                return INTERRUPTED;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(interrupted);
                } catch (IllegalStateException e) {
                    // the JVM is already shutting down: the hook tells the user
                }
            }
        }

        private String kept(CsvImport importer) {
            long line = importer.committedLine();
            return line == 0 ? "nothing of " + file.getFileName() + " is imported yet"
                    : "the rows of " + file.getFileName() + " up to line " + line + " are imported or rejected";
        }

        private ImportSettings settings() {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no such file: " + file);
            }
            if (attempts < 1) {
                throw new IllegalArgumentException("--retries must be 1 or more");
            }
            if (brand.isBlank() || brand.length() > ImportEventIds.MAX_LENGTH) {
                throw new IllegalArgumentException("--brand must be 1 to 64 characters");
            }
            return new ImportSettings(kind(), file, brand.strip(), ZoneId.of(timeZone), batchSize,
                    rejected != null ? rejected : ImportSettings.defaultReport(file), dryRun);
        }
    }

    @Command(name = "members", mixinStandardHelpOptions = true,
            description = "Import members.csv: member_id, registered_at (required), birthday, tier, phone, time_zone,"
                    + " tags (a|b), points, points_expire_at.")
    static final class Members extends FileCommand {
        @Override
        ImportKind kind() {
            return ImportKind.MEMBERS;
        }
    }

    @Command(name = "orders", mixinStandardHelpOptions = true,
            description = "Import orders.csv: order_id, member_id, occurred_at, amount (required), store_id, channel,"
                    + " refunded_amount, refunded_at.")
    static final class Orders extends FileCommand {
        @Override
        ImportKind kind() {
            return ImportKind.ORDERS;
        }
    }

    private ImportCli() {
    }
}
