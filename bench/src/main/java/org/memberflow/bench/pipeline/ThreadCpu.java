package org.memberflow.bench.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of this JVM's threads by what they do, read from {@code /proc/self/task} (Linux; empty
 * elsewhere). It shows where a rung's CPU goes when the machine is saturated: the stream threads,
 * the broker, the clients' network threads, the JIT, the garbage collector. Thread names there are
 * cut to 15 characters, so groups go by prefix.
 */
final class ThreadCpu {
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private ThreadCpu() {
    }

    /** CPU seconds per thread id (user + system) now. */
    static Map<String, long[]> snapshot() {
        Map<String, long[]> ticks = new HashMap<>();
        if (!Files.isDirectory(TASKS)) {
            return ticks;
        }
        try (Stream<Path> tasks = Files.list(TASKS)) {
            tasks.forEach(t -> {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(t.getFileName() + "/" + name, new long[] {Long.parseLong(f[11]) + Long.parseLong(f[12])});
                } catch (IOException | RuntimeException e) {
                    // the thread ended while we looked
                }
            });
        } catch (IOException e) {
            return ticks;
        }
        return ticks;
    }

    /** CPU seconds between two snapshots, by group, largest first. */
    static Map<String, Double> byGroup(Map<String, long[]> before, Map<String, long[]> after) {
        Map<String, Double> groups = new HashMap<>();
        after.forEach((thread, ticks) -> {
            long[] was = before.get(thread);
            long delta = ticks[0] - (was == null ? 0 : was[0]);
            if (delta > 0) {
                groups.merge(group(thread.substring(thread.indexOf('/') + 1)), delta / TICKS_PER_SECOND, Double::sum);
            }
        });
        Map<String, Double> sorted = new LinkedHashMap<>();
        groups.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    static String group(String name) {
        if (name.startsWith("bench-")) {
            return "stream threads";
        }
        if (name.startsWith("data-plane-kaf") || name.startsWith("kafka-") && !name.startsWith("kafka-producer")
                && !name.startsWith("kafka-coordina") && !name.startsWith("kafka-admin") || name.startsWith("TxnMarker")
                || name.startsWith("AddPartitions") || name.startsWith("group-coordina") || name.startsWith("transaction-")
                || name.startsWith("ReplicaFetcher") || name.startsWith("LogCleaner") || name.startsWith("broker-")
                || name.startsWith("controller-") || name.startsWith("quorum-") || name.startsWith("raft-")) {
            return "broker";
        }
        if (name.startsWith("kafka-producer")) {
            return "producer network threads";
        }
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return "JIT compiler";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
            return "garbage collector";
        }
        if (name.startsWith("rocksdb")) {
            return "RocksDB background";
        }
        return "other";
    }
}
