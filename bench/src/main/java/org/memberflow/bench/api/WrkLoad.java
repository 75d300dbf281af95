package org.memberflow.bench.api;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.memberflow.bench.report.Noise;
import org.springframework.util.FileSystemUtils;

/**
 * The API loads driven by wrk (Debian's {@code wrk}), when it is installed: a C load generator
 * with an event loop takes less of the two shared cores per request than the Java client
 * (BENCHMARKS.md: the same server answered about a half more under wrk), so more of what is
 * measured is the server's own cost. A Lua script, written for each run, builds every request
 * from a per-thread sequence number as {@link ApiLoads} does. A measured window is made of
 * slices, each one run of wrk ({@link ApiBench} runs them in turns with the other loads'), whose
 * rates give the noise; each run reports its latency at every tenth of a percentile, and the
 * window's percentiles are read from those points, each weighted by its run's requests (within a
 * tenth of a percentile of exact).
 */
final class WrkLoad implements AutoCloseable {
    /** wrk threads: one per core. */
    private static final int THREADS = 2;
    /** Responses slower than this count as timeouts. */
    private static final int TIMEOUT_SECONDS = 10;

    /** What a load asks: the constant document, member lookups, purchases, or the three in turn. */
    enum Kind { CONSTANT, LOOKUP, PURCHASE, MIXED }

    private final Path wrk;
    private final int port;
    private final int members;
    private final int connections;
    private final Path work;

    WrkLoad(Path wrk, int port, int members, int connections) throws IOException {
        this.wrk = wrk;
        this.port = port;
        this.members = members;
        this.connections = connections;
        this.work = Files.createTempDirectory("memberflow-wrk-");
    }

    /** wrk on the PATH, if it is there. */
    static Optional<Path> find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "wrk");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Runs {@code kind} for {@code seconds} unmeasured: to warm the server's JIT, or to settle between loads. */
    void warm(Kind kind, double seconds, String idPrefix) throws IOException, InterruptedException {
        if (seconds > 0) {
            slice(kind, seconds, idPrefix);
        }
    }

    /** One load's result from its slices: their sums, their rates' noise, percentiles over all their latencies. */
    static HttpLoad.Result combine(String name, List<Slice> slices) {
        TreeMap<Long, Double> latencies = new TreeMap<>();
        double[] rates = new double[slices.size()];
        long requests = 0;
        long errors = 0;
        double elapsed = 0;
        for (int s = 0; s < slices.size(); s++) {
            Slice slice = slices.get(s);
            requests += slice.requests;
            errors += slice.errors;
            elapsed += slice.seconds;
            rates[s] = slice.requests / slice.seconds;
            double weight = (double) slice.requests / slice.points.size();
            slice.points.forEach(micros -> latencies.merge(micros, weight, Double::sum));
        }
        long max = latencies.isEmpty() ? 0 : latencies.lastKey();
        return new HttpLoad.Result(name, requests, errors, elapsed, percentile(latencies, 0.50) / 1e3,
                percentile(latencies, 0.99) / 1e3, max / 1e3, Noise.of(rates));
    }

    /** The latency (µs) at {@code quantile}: the smallest with at least that share of the weight at or below it. */
    static long percentile(TreeMap<Long, Double> weights, double quantile) {
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        double seen = 0;
        for (var e : weights.entrySet()) {
            seen += e.getValue();
            if (seen >= quantile * total * (1 - 1e-9)) {
                return e.getKey();
            }
        }
        return 0;
    }

    /**
     * One run of wrk: its requests, errors (connect, read, write, timeouts, 4xx/5xx), seconds, and
     * its latencies (µs) at the 0.1st, 0.2nd, ... 100th percentile.
     */
    record Slice(long requests, long errors, double seconds, List<Long> points) {
    }

    /** Runs {@code kind} for {@code seconds}: one slice of a measured window (or a warm-up, unread). */
    Slice slice(Kind kind, double seconds, String idPrefix) throws IOException, InterruptedException {
        Path script = work.resolve("load.lua");
        Path out = work.resolve("result.txt");
        Files.deleteIfExists(out);
        Files.writeString(script, script(kind, idPrefix, out), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(wrk.toString(), "-t" + THREADS, "-c" + connections,
                "-d" + wholeSeconds(seconds) + "s", "--timeout", TIMEOUT_SECONDS + "s",
                "-s", script.toString(), "http://127.0.0.1:" + port)
                .redirectErrorStream(true)
                .start();
        String console = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(wholeSeconds(seconds) + 60, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.exists(out)) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk failed: " + console);
        }
        return parse(Files.readAllLines(out));
    }

    /** wrk takes whole seconds: a 10 s window is four runs of 3 s (wrk reports the time each took). */
    private static long wholeSeconds(double seconds) {
        return Math.max(1, Math.round(seconds));
    }

    /** The script's result file: "requests errors micros" on the first line, then one latency (µs) a line. */
    static Slice parse(List<String> lines) {
        String[] head = lines.get(0).trim().split(" ");
        List<Long> points = lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank())
                .map(l -> Long.parseLong(l.trim())).toList();
        return new Slice(Long.parseLong(head[0]), Long.parseLong(head[1]), Long.parseLong(head[2]) / 1e6, points);
    }

    /**
     * The Lua script of one run. Each wrk thread has a Lua state of its own: {@code setup} numbers
     * the threads, so that the sequence numbers (and with them event ids) never repeat across them.
     */
    String script(Kind kind, String idPrefix, Path out) {
        List<String> lines = new ArrayList<>();
        lines.add("local kind = '" + kind.name() + "'");
        lines.add("local members = " + members);
        lines.add("local prefix = '" + idPrefix + "'");
        lines.add("local getHeaders = {['Authorization'] = 'Bearer " + ApiBench.KEY + "', ['Accept'] = 'application/json'}");
        lines.add("local postHeaders = {['Authorization'] = 'Bearer " + ApiBench.KEY
                + "', ['Accept'] = 'application/json', ['Content-Type'] = 'application/json'}");
        lines.add("""
                local kinds = {'CONSTANT', 'LOOKUP', 'PURCHASE'}
                local threadCount = 0
                local counter = 0
                function setup(thread)
                  thread:set('id', threadCount)
                  threadCount = threadCount + 1
                end
                local function member(i)
                  return '%s' .. ((i * 7919) %% members)
                end
                function request()
                  counter = counter + 1
                  local i = counter * 64 + id
                  local k = kind
                  if k == 'MIXED' then k = kinds[i %% 3 + 1] end
                  if k == 'CONSTANT' then
                    return wrk.format('GET', '/api/v1', getHeaders)
                  elseif k == 'LOOKUP' then
                    return wrk.format('GET', '/api/v1/members/' .. member(i), getHeaders)
                  end
                  local body = '{"eventId":"api-e' .. prefix .. i .. '","memberId":"' .. member(i)
                    .. '","type":"PURCHASE","occurredAt":"2026-11-01T10:00:00Z","orderId":"api-o' .. prefix .. i
                    .. '","amount":128.00,"storeId":"s1","channel":"pos"}'
                  return wrk.format('POST', '/api/v1/events', postHeaders, body)
                end
                function done(summary, latency, requests)
                  local e = summary.errors
                  local f = assert(io.open('%s', 'w'))
                  f:write(string.format('%%d %%d %%d\\n', summary.requests,
                    e.connect + e.read + e.write + e.status + e.timeout, summary.duration))
                  for tenth = 1, 1000 do
                    f:write(string.format('%%d\\n', latency:percentile(tenth / 10)))
                  end
                  f:close()
                end
                """.formatted(ApiLoads.MEMBER_PREFIX, out.toString().replace("\\", "/")));
        return String.join("\n", lines);
    }

    /** Removes the scripts and results. */
    @Override
    public void close() throws IOException {
        FileSystemUtils.deleteRecursively(work);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "wrk -t%d -c%d", THREADS, connections);
    }
}
