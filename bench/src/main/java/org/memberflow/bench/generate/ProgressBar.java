package org.memberflow.bench.generate;

import java.io.PrintStream;

/** A one-line progress bar on stderr, redrawn at most a hundred times. */
public final class ProgressBar {
    private static final int WIDTH = 40;
    private final String label;
    private final long total;
    private final PrintStream out;
    private int lastPercent = -1;

    public ProgressBar(String label, long total, PrintStream out) {
        this.label = label;
        this.total = Math.max(total, 1);
        this.out = out;
    }

    public void update(long done) {
        int percent = (int) Math.min(100, done * 100 / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        out.printf("\r%-28s [%s%s] %3d%% %,d/%,d", label, "#".repeat(filled), " ".repeat(WIDTH - filled), percent, done, total);
        if (percent == 100) {
            out.println();
        }
        out.flush();
    }
}
