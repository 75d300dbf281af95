package org.memberflow.bench.chaos;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KafkaStreams;
import org.memberflow.bench.chaos.ScenarioResult.Figure;

/**
 * Hostile rule sets through the running server's API: the rules module's hostile corpus, the
 * hostile spreadsheets (zip bomb, external entities, a billion laughs, 100,000 rows), and a seeded
 * fuzz of the built-in decision tables. Promises: every hostile file refused with a problem
 * document listing its errors, never a 5xx nor a stack trace; a fuzzed file accepted or refused,
 * never a 5xx; the active rule set still active and the engine running; the heap bounded.
 */
public final class HostileRulesScenario {
    /** Heap still held after the scenario, after a full GC, beyond what was held before it. */
    static final long MAX_RETAINED_MIB = 64;
    private static final long SEED = 20261126L;
    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
    private static final long MIB = 1024 * 1024;

    private HostileRulesScenario() {
    }

    public static ScenarioResult run(ChaosServer server, Path corpus, int fuzzed) {
        List<String> failures = new ArrayList<>();
        String activeBefore = activeVersion(server);
        long heapBefore = heapAfterGc();
        resetPeaks();

        long t0 = System.nanoTime();
        List<RuleFileSample> hostile = new ArrayList<>(HostileCorpus.load(corpus));
        hostile.addAll(HostileSpreadsheets.all());
        long refused = 0;
        long named = 0;
        long withExpectation = 0;
        long serverErrors = 0;
        long stackTraces = 0;
        for (RuleFileSample file : hostile) {
            RuleSetAnswer a = RuleSetAnswer.upload(server, "/api/v1/rulesets", file);
            if (a.refusedWithErrors()) {
                refused++;
            } else {
                failures.add(file.path() + " was not refused with a problem listing its errors: " + a.abbreviated());
            }
            if (file.expected() != null) {
                withExpectation++;
                if (a.names(file.expected())) {
                    named++;
                } else if (a.refusedWithErrors()) {
                    failures.add(file.path() + " was refused, but not for \"" + file.expected() + "\": " + a.abbreviated());
                }
            }
            serverErrors += a.status() >= 500 ? 1 : 0;
            if (a.hasStackTrace()) {
                stackTraces++;
                failures.add(file.path() + " was answered with a stack trace or an exception's name: " + a.abbreviated());
            }
        }
        long hostileSeconds = (System.nanoTime() - t0) / 1_000_000_000L;

        SpreadsheetFuzz fuzz = new SpreadsheetFuzz(SEED);
        Map<SpreadsheetFuzz.Mutation, Long> fuzzAccepted = new EnumMap<>(SpreadsheetFuzz.Mutation.class);
        long fuzzRefused = 0;
        long fuzzServerErrors = 0;
        long fuzzStackTraces = 0;
        for (int n = 0; n < fuzzed; n++) {
            RuleFileSample file = fuzz.next(n);
            // validate: an accepted fuzzed table is not kept as a draft
            RuleSetAnswer a = RuleSetAnswer.upload(server, "/api/v1/rulesets/validate", file);
            if (a.status() == 200) {
                fuzzAccepted.merge(SpreadsheetFuzz.mutationOf(n), 1L, Long::sum);
            } else if (a.refusedWithErrors()) {
                fuzzRefused++;
            } else {
                fuzzServerErrors += a.status() >= 500 ? 1 : 0;
                failures.add("fuzzed file " + n + " (" + SpreadsheetFuzz.mutationOf(n) + " of " + file.path()
                        + ", seed " + SEED + ") was neither accepted nor refused with its errors: " + a.abbreviated());
            }
            if (a.hasStackTrace()) {
                fuzzStackTraces++;
                failures.add("fuzzed file " + n + " (" + SpreadsheetFuzz.mutationOf(n) + ") was answered with a stack trace"
                        + " or an exception's name: " + a.abbreviated());
            }
        }
        long fuzzSeconds = (System.nanoTime() - t0) / 1_000_000_000L - hostileSeconds;

        long peak = peakHeap();
        long heapAfter = heapAfterGc();
        String activeAfter = activeVersion(server);
        boolean engineRunning = server.engine().state() == KafkaStreams.State.RUNNING;
        if (!activeBefore.equals(activeAfter)) {
            failures.add("the active rule set changed from version " + activeBefore + " to " + activeAfter);
        }
        if (!engineRunning) {
            failures.add("the engine is " + server.engine().state() + ", not RUNNING");
        }
        long retainedMib = Math.max(0, heapAfter - heapBefore) / MIB;

        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("hostile files uploaded", hostile.size(), null));
        figures.add(new Figure("refused with a problem listing their errors", refused, (long) hostile.size()));
        figures.add(new Figure("refused for the reason expected", named, withExpectation));
        figures.add(new Figure("5xx answers to hostile files", serverErrors, 0L));
        figures.add(new Figure("seconds to build and send the hostile files", hostileSeconds, null));
        figures.add(new Figure("fuzzed tables sent (seed " + SEED + ")", fuzzed, null));
        figures.add(new Figure("  refused with their errors", fuzzRefused, null));
        for (SpreadsheetFuzz.Mutation m : SpreadsheetFuzz.Mutation.values()) {
            figures.add(new Figure("  accepted after " + m.name().toLowerCase().replace('_', ' '),
                    fuzzAccepted.getOrDefault(m, 0L), null));
        }
        figures.add(new Figure("5xx answers to fuzzed tables", fuzzServerErrors, 0L));
        figures.add(new Figure("seconds to send the fuzzed tables", fuzzSeconds, null));
        figures.add(new Figure("answers with a stack trace", stackTraces + fuzzStackTraces, 0L));
        figures.add(new Figure("active rule set changed", activeBefore.equals(activeAfter) ? 0 : 1, 0L));
        figures.add(new Figure("engine not RUNNING after", engineRunning ? 0 : 1, 0L));
        figures.add(new Figure("heap used after GC before, MiB", heapBefore / MIB, null));
        figures.add(new Figure("heap used after GC after, MiB", heapAfter / MIB, null));
        figures.add(new Figure("heap peak (sum of pools' peaks), MiB", peak / MIB, null));
        figures.add(new Figure("heap max (-Xmx), MiB", Runtime.getRuntime().maxMemory() / MIB, null));
        if (retainedMib > MAX_RETAINED_MIB) {
            failures.add("the heap held " + retainedMib + " MiB more after the scenario than before (after GC), more than "
                    + MAX_RETAINED_MIB);
        }
        figures.stream().filter(f -> !f.ok() && f.name().startsWith("5xx"))
                .forEach(f -> failures.add(f.name() + ": " + f.value() + ", not " + f.expected()));
        return new ScenarioResult("hostile rules and spreadsheet fuzz", figures, failures);
    }

    private static String activeVersion(ChaosServer server) {
        Matcher m = VERSION.matcher(server.get("/api/v1/rulesets/active").body());
        return m.find() ? m.group(1) : "none";
    }

    /** Heap in use once a full collection ran (twice, to let finalizable objects go too). */
    private static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
