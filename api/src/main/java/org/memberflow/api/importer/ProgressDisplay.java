package org.memberflow.api.importer;

import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows how many rows of a file are done. On a terminal, a redrawn progress bar on standard error;
 * elsewhere (CI logs, pipes, files), the same figures as a plain line every 10 seconds, without
 * colours or carriage returns.
 */
interface ProgressDisplay extends AutoCloseable {

    /** {@code rows} of the file are done (sent, rejected or imported before). */
    void at(long rows);

    @Override
    void close();

    /** Makes the display of one file's rows. */
    interface Factory {
        ProgressDisplay open(String task, long totalRows, long rowsDone);
    }

    /** Shows nothing (tests, {@code --quiet}). */
    Factory NONE = (task, total, done) -> new ProgressDisplay() {
        @Override
        public void at(long rows) {
        }

        @Override
        public void close() {
        }
    };

    /** A bar when standard output is a terminal, plain lines on {@code err} otherwise. */
    static Factory console(PrintWriter err) {
        boolean terminal = System.console() != null;
        return (task, total, done) -> {
            ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" rows", 1)
                    .startsFrom(done, java.time.Duration.ZERO).showSpeed();
            if (terminal) {
                builder.setStyle(ProgressBarStyle.UNICODE_BLOCK).setUpdateIntervalMillis(250);
            } else {
                builder.setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(10_000)
                        .setConsumer(new DelegatingProgressBarConsumer(line -> err.println(line.replace("\r", "").strip()), 100));
            }
            ProgressBar bar = builder.build();
            return new ProgressDisplay() {
                @Override
                public void at(long rows) {
                    bar.stepTo(rows);
                }

                @Override
                public void close() {
                    bar.close();
                }
            };
        };
    }
}
