package org.memberflow.api.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.memberflow.api.event.EventPublisher.ValidatedEvent;

/**
 * Publishes the events of concurrent requests in shared transactions: the requests that arrive
 * while a transaction commits go together in the next one, so they share its begin, commit and
 * markers instead of paying for one each (BENCHMARKS.md measured a transaction per request at a
 * quarter of the throughput). A transaction is all or nothing for every request in it: when it
 * fails, each of them is answered with the failure and none of their events is readable, so every
 * request keeps its own promise.
 */
final class GroupCommit implements AutoCloseable {
    /** Events in one transaction at most; a request (up to 1,000 events) is never split. */
    static final int MAX_EVENTS = 5_000;

    private final LinkedBlockingDeque<Pending> queue = new LinkedBlockingDeque<>();
    private final Consumer<List<ValidatedEvent>> transaction;
    private final IntConsumer requestsPerTransaction;
    private final long maxWaitNanos;
    private final List<Thread> committers = new ArrayList<>();
    private volatile boolean closed;

    /**
     * @param transaction            publishes its events in one transaction, or throws and publishes none
     * @param committers             transactions under way at once: one gathers while another commits
     * @param maxWait                a request not yet in a transaction after this long is refused unsent
     * @param requestsPerTransaction told how many requests each transaction carried (a metric)
     */
    GroupCommit(Consumer<List<ValidatedEvent>> transaction, int committers, Duration maxWait,
            IntConsumer requestsPerTransaction) {
        this.transaction = transaction;
        this.requestsPerTransaction = requestsPerTransaction;
        this.maxWaitNanos = maxWait.toNanos();
        for (int i = 1; i <= committers; i++) {
            Thread t = new Thread(this::commitUntilClosed, "event-commit-" + i);
            t.setDaemon(true);
            t.start();
            this.committers.add(t);
        }
    }

    /** Returns once the events are committed; throws, with none of them readable, otherwise. */
    void publish(List<ValidatedEvent> events) {
        if (closed) {
            throw new IllegalStateException("the server is stopping");
        }
        Pending pending = new Pending(events, System.nanoTime(), new CompletableFuture<>());
        queue.add(pending);
        try {
            pending.done().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Requests waiting for a transaction (for tests). */
    int queued() {
        return queue.size();
    }

    private void commitUntilClosed() {
        while (!closed || !queue.isEmpty()) {
            List<Pending> batch = nextBatch();
            if (batch.isEmpty()) {
                continue;
            }
            List<ValidatedEvent> events = new ArrayList<>();
            batch.forEach(p -> events.addAll(p.events()));
            try {
                transaction.accept(events);
                requestsPerTransaction.accept(batch.size());
                batch.forEach(p -> p.done().complete(null));
            } catch (RuntimeException e) {
                batch.forEach(p -> p.done().completeExceptionally(e));
            }
        }
    }

    /** The oldest request and those behind it, up to {@link #MAX_EVENTS}; expired ones are refused. */
    private List<Pending> nextBatch() {
        List<Pending> batch = new ArrayList<>();
        int events = 0;
        try {
            Pending p = queue.pollFirst(100, TimeUnit.MILLISECONDS);
            while (p != null) {
                if (System.nanoTime() - p.enqueuedNanos() > maxWaitNanos) {
                    p.done().completeExceptionally(new IllegalStateException(
                            "waited more than " + Duration.ofNanos(maxWaitNanos).toSeconds() + " s for the broker"));
                } else if (!batch.isEmpty() && events + p.events().size() > MAX_EVENTS) {
                    queue.offerFirst(p);
                    break;
                } else {
                    batch.add(p);
                    events += p.events().size();
                }
                p = queue.pollFirst();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return batch;
    }

    /** Stops taking requests, commits those already queued, and waits for the committers. */
    @Override
    public void close() {
        closed = true;
        for (Thread t : committers) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        // A request queued as the committers stopped must not wait for ever.
        for (Pending p = queue.pollFirst(); p != null; p = queue.pollFirst()) {
            p.done().completeExceptionally(new IllegalStateException("the server is stopping"));
        }
    }

    private record Pending(List<ValidatedEvent> events, long enqueuedNanos, CompletableFuture<Void> done) {
    }
}
