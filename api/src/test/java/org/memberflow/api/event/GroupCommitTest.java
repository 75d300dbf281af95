package org.memberflow.api.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.memberflow.api.event.EventPublisher.ValidatedEvent;

/** Requests that arrive while a transaction commits share the next one, and each keeps its promise. */
class GroupCommitTest {
    private final ExecutorService clients = Executors.newFixedThreadPool(8);
    private final List<List<String>> transactions = new CopyOnWriteArrayList<>();
    private final List<Integer> requestsPerTransaction = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void shouldPutTheRequestsThatWaitedInOneTransaction() throws Exception {
        HeldFirst held = new HeldFirst(this::record);
        try (GroupCommit commit = groupCommit(held)) {
            CompletableFuture<Void> first = publishAsync(commit, "a");
            waitFor(held.begun);
            List<CompletableFuture<Void>> waiting = IntStream.range(0, 5)
                    .mapToObj(i -> publishAsync(commit, "b" + i, "c" + i)).toList();
            await().atMost(Duration.ofSeconds(5)).until(() -> waiting.stream().noneMatch(CompletableFuture::isDone)
                    && commit.queued() == 5);
            held.release.countDown();

            first.get(5, TimeUnit.SECONDS);
            for (CompletableFuture<Void> f : waiting) {
                f.get(5, TimeUnit.SECONDS);
            }
        }
        assertThat(transactions).hasSize(2);
        assertThat(transactions.get(0)).containsExactly("a");
        assertThat(transactions.get(1)).hasSize(10).contains("b0", "c0", "b4", "c4");
        // Each request's events stay together and in order.
        List<String> second = transactions.get(1);
        for (int i = 0; i < 5; i++) {
            assertThat(second.indexOf("c" + i)).isEqualTo(second.indexOf("b" + i) + 1);
        }
        assertThat(requestsPerTransaction).containsExactly(1, 5);
    }

    @Test
    void shouldFailEveryRequestOfAFailedTransactionAndPublishNoneOfThem() throws Exception {
        HeldFirst held = new HeldFirst(this::record, events -> {
            throw new IllegalStateException("the broker is gone");
        });
        try (GroupCommit commit = groupCommit(held)) {
            CompletableFuture<Void> first = publishAsync(commit, "a");
            waitFor(held.begun);
            List<CompletableFuture<Void>> doomed = List.of(publishAsync(commit, "x"), publishAsync(commit, "y"));
            await().atMost(Duration.ofSeconds(5)).until(() -> commit.queued() == 2);
            held.release.countDown();

            first.get(5, TimeUnit.SECONDS);
            for (CompletableFuture<Void> f : doomed) {
                assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("the broker is gone");
            }
        }
        assertThat(transactions).containsExactly(List.of("a"));
    }

    @Test
    void shouldRefuseUnsentARequestThatWaitedTooLong() throws Exception {
        HeldFirst held = new HeldFirst(this::record);
        try (GroupCommit commit = new GroupCommit(held, 1, Duration.ofMillis(200), requestsPerTransaction::add)) {
            CompletableFuture<Void> first = publishAsync(commit, "a");
            waitFor(held.begun);
            CompletableFuture<Void> late = publishAsync(commit, "late");
            await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ofMillis(300)).until(() -> commit.queued() == 1);
            held.release.countDown();

            first.get(5, TimeUnit.SECONDS);
            assertThatThrownBy(() -> late.get(5, TimeUnit.SECONDS)).rootCause().hasMessageContaining("for the broker");
        }
        assertThat(transactions).containsExactly(List.of("a"));
    }

    @Test
    void shouldNeverSplitARequestAndKeepTransactionsBounded() throws Exception {
        HeldFirst held = new HeldFirst(this::record);
        try (GroupCommit commit = groupCommit(held)) {
            CompletableFuture<Void> first = publishAsync(commit, "a");
            waitFor(held.begun);
            List<CompletableFuture<Void>> big = IntStream.range(0, 7)
                    .mapToObj(i -> publishAsync(commit, IntStream.range(0, 1_000).mapToObj(j -> "r" + i + "-" + j)
                            .toArray(String[]::new))).toList();
            await().atMost(Duration.ofSeconds(5)).until(() -> commit.queued() == 7);
            held.release.countDown();
            first.get(5, TimeUnit.SECONDS);
            for (CompletableFuture<Void> f : big) {
                f.get(5, TimeUnit.SECONDS);
            }
        }
        assertThat(transactions.subList(1, transactions.size())).extracting(List::size).containsExactly(5_000, 2_000);
    }

    @Test
    void shouldCommitWhatIsQueuedWhenClosedAndRefuseWhatComesAfter() throws Exception {
        GroupCommit commit = groupCommit(events -> transactions.add(ids(events)));
        publishAsync(commit, "a").get(5, TimeUnit.SECONDS);
        commit.close();
        assertThatThrownBy(() -> commit.publish(events("b"))).hasMessageContaining("stopping");
        assertThat(transactions).containsExactly(List.of("a"));
    }

    private void record(List<ValidatedEvent> events) {
        transactions.add(ids(events));
    }

    /**
     * A transaction that holds its first call until released, so that requests queue behind it;
     * the first then does {@code first}, every later one {@code rest}.
     */
    private static final class HeldFirst implements Consumer<List<ValidatedEvent>> {
        final CountDownLatch begun = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final Consumer<List<ValidatedEvent>> first;
        private final Consumer<List<ValidatedEvent>> rest;

        HeldFirst(Consumer<List<ValidatedEvent>> each) {
            this(each, each);
        }

        HeldFirst(Consumer<List<ValidatedEvent>> first, Consumer<List<ValidatedEvent>> rest) {
            this.first = first;
            this.rest = rest;
        }

        @Override
        public void accept(List<ValidatedEvent> events) {
            if (begun.getCount() == 0) {
                rest.accept(events);
                return;
            }
            begun.countDown();
            waitFor(release);
            first.accept(events);
        }
    }

    private GroupCommit groupCommit(Consumer<List<ValidatedEvent>> transaction) {
        return new GroupCommit(transaction, 1, Duration.ofSeconds(15), requestsPerTransaction::add);
    }

    private CompletableFuture<Void> publishAsync(GroupCommit commit, String... ids) {
        return CompletableFuture.runAsync(() -> commit.publish(events(ids)), clients);
    }

    private static List<ValidatedEvent> events(String... ids) {
        List<ValidatedEvent> events = new ArrayList<>();
        for (String id : ids) {
            events.add(new ValidatedEvent(id, "m-" + id, id.getBytes(StandardCharsets.UTF_8)));
        }
        return events;
    }

    private static List<String> ids(List<ValidatedEvent> events) {
        return events.stream().map(ValidatedEvent::eventId).toList();
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
