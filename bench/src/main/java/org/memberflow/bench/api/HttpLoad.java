package org.memberflow.bench.api;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.memberflow.bench.report.Noise;

/**
 * A closed-loop HTTP/1.1 load generator on loopback, lean enough to share two cores with the
 * server it measures: each connection is one thread with a keep-alive socket, writing a request
 * and reading the whole response before the next. Requests are built by the caller from a
 * sequence number, so every request can differ (a member id, an event id).
 */
public final class HttpLoad {
    /**
     * What one run measured; latencies in milliseconds; noise as {@link Noise} tells it, from the
     * requests answered in each slice of the window.
     */
    public record Result(String name, long requests, long errors, double seconds, double p50, double p99, double max,
            double noise) {
        public double requestsPerSecond() {
            return requests / seconds;
        }
    }

    /** One request: method, path and an optional JSON body. */
    record Request(String method, String path, byte[] body) {
        static Request get(String path) {
            return new Request("GET", path, null);
        }

        static Request postJson(String path, String json) {
            return new Request("POST", path, json.getBytes(StandardCharsets.UTF_8));
        }

        byte[] toBytes() {
            StringBuilder head = new StringBuilder(method).append(' ').append(path)
                    .append(" HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\nAuthorization: Bearer ")
                    .append(ApiBench.KEY).append("\r\n");
            if (body != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
            }
            byte[] h = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
            if (body == null) {
                return h;
            }
            byte[] all = Arrays.copyOf(h, h.length + body.length);
            System.arraycopy(body, 0, all, h.length, body.length);
            return all;
        }
    }

    private HttpLoad() {
    }

    /**
     * Runs {@code connections} connections for {@code seconds}, after {@code warmUpSeconds} not
     * counted. A response other than {@code expectedStatus} counts as an error (any status goes
     * with -1).
     */
    static Result run(String name, int port, int connections, double warmUpSeconds, double seconds, int expectedStatus,
            LongFunction<Request> requests) throws InterruptedException {
        AtomicLong sequence = new AtomicLong();
        long start = System.nanoTime() + (long) (warmUpSeconds * 1e9);
        long end = start + (long) (seconds * 1e9);
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Worker w = new Worker(port, start, end, expectedStatus, requests, sequence);
            workers.add(w);
            w.start();
        }
        long requestsDone = 0;
        long errors = 0;
        long[] all = new long[0];
        double[] perSlice = new double[Noise.SLICES];
        for (Worker w : workers) {
            w.join();
            if (w.failure != null) {
                throw new IllegalStateException(name + ": " + w.failure.getMessage(), w.failure);
            }
            requestsDone += w.count;
            errors += w.errors;
            for (int i = 0; i < perSlice.length; i++) {
                perSlice[i] += w.answeredInSlice[i];
            }
            int from = all.length;
            all = Arrays.copyOf(all, all.length + w.count);
            System.arraycopy(w.latencies, 0, all, from, w.count);
        }
        Arrays.sort(all);
        return new Result(name, requestsDone, errors, seconds, millis(all, 0.50), millis(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, Noise.of(perSlice));
    }

    private static double millis(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        return sortedNanos[Math.min(sortedNanos.length - 1, (int) Math.ceil(quantile * sortedNanos.length) - 1)] / 1e6;
    }

    private static final class Worker extends Thread {
        private final int port;
        private final long start;
        private final long end;
        private final int expectedStatus;
        private final LongFunction<Request> requests;
        private final AtomicLong sequence;
        long[] latencies = new long[1 << 16];
        final long[] answeredInSlice = new long[Noise.SLICES];
        int count;
        long errors;
        Exception failure;

        Worker(int port, long start, long end, int expectedStatus, LongFunction<Request> requests, AtomicLong sequence) {
            super("http-load");
            setDaemon(true);
            this.port = port;
            this.start = start;
            this.end = end;
            this.expectedStatus = expectedStatus;
            this.requests = requests;
            this.sequence = sequence;
        }

        @Override
        public void run() {
            Socket socket = null;
            InputStream in = null;
            try {
                long now;
                while ((now = System.nanoTime()) < end) {
                    if (socket == null) {
                        socket = connect(port);
                        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                    }
                    socket.getOutputStream().write(requests.apply(sequence.getAndIncrement()).toBytes());
                    socket.getOutputStream().flush();
                    int status = readResponse(in);
                    long done = System.nanoTime();
                    if (now >= start) {
                        record(done - now, status);
                        answeredInSlice[(int) Math.min(Noise.SLICES - 1, (now - start) * Noise.SLICES / (end - start))]++;
                    }
                    if (status < 0) { // the server closes the connection (Tomcat does every 100 requests)
                        socket.close();
                        socket = null;
                    }
                }
            } catch (IOException | RuntimeException e) {
                failure = e;
            } finally {
                closeQuietly(socket);
            }
        }

        private void record(long nanos, int status) {
            if (expectedStatus >= 0 && Math.abs(status) != expectedStatus) {
                errors++;
            }
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /**
     * Reads one response (Content-Length or chunked) and returns its status, negated when the
     * server says it closes the connection after it.
     */
    static int readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null || statusLine.length() < 12) {
            throw new IOException("no HTTP response: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        String header;
        while (!(header = line(in)).isEmpty()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(header.substring(colon + 1).trim());
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && header.toLowerCase().contains("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection") && header.toLowerCase().contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            long size;
            while ((size = Long.parseLong(line(in).split(";")[0].trim(), 16)) > 0) {
                skip(in, size);
                line(in);
            }
            line(in);
        } else if (length > 0) {
            skip(in, length);
        }
        return close ? -status : status;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int n = sb.length();
                return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
            }
            sb.append((char) c);
        }
        throw new UncheckedIOException(new IOException("connection closed mid-response"));
    }

    private static void skip(InputStream in, long n) throws IOException {
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                if (in.read() == -1) {
                    throw new IOException("connection closed mid-body");
                }
                skipped = 1;
            }
            n -= skipped;
        }
    }
}
