package org.memberflow.api.delivery.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.memberflow.api.action.ActionRepository;
import org.memberflow.api.action.LoggedAction;
import org.memberflow.engine.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due webhook deliveries. Each look takes a batch of due rows with {@code FOR UPDATE SKIP
 * LOCKED} and leases them under a claim of its own (moves their next attempt past the lease), so
 * servers share the work and a server that dies mid-send leaves its rows to be taken again when
 * the lease runs out; only the claim that sent a delivery records its result. A 2xx
 * answer marks the delivery DELIVERED; anything else waits the backoff and goes again, until
 * max-attempts failures make it DEAD. Delivery is at least once: receivers drop repeats by the
 * {@code X-MemberFlow-Action-Id} header.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {
    static final String ACTION_ID_HEADER = "X-MemberFlow-Action-Id";
    static final String DELIVERY_ID_HEADER = "X-MemberFlow-Delivery-Id";
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookMapper mapper;
    private final ActionRepository actions;
    private final WebhookProperties props;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final HttpClient http;
    private volatile ScheduledExecutorService timer;
    private volatile ExecutorService senders;

    WebhookDispatcher(WebhookMapper mapper, ActionRepository actions, WebhookProperties props,
            PlatformTransactionManager transactions, Clock clock) {
        this.mapper = mapper;
        this.actions = actions;
        this.props = props;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(props.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends what is due now; returns how many deliveries it tried. */
    int dispatchDue() throws InterruptedException {
        Instant now = clock.instant();
        String claim = UUID.randomUUID().toString();
        List<DueDelivery> due = transaction.execute(s -> {
            List<Long> ids = mapper.lockDue(now, props.batch());
            if (ids.isEmpty()) {
                return List.<DueDelivery>of();
            }
            mapper.cancelOfInactiveWebhooks(ids); // queued while the webhook was being removed
            mapper.lease(ids, now.plus(props.leaseFor()), claim);
            return mapper.findDue(ids);
        });
        if (due.isEmpty()) {
            return 0;
        }
        Map<String, LoggedAction> byId = actions.findByIds(due.stream().map(DueDelivery::actionId).distinct().toList());
        List<Callable<Void>> sends = due.stream().<Callable<Void>>map(d -> () -> {
            send(d, byId.get(d.actionId()));
            return null;
        }).toList();
        senders.invokeAll(sends); // interrupted on stop: the unsent ones wait out the lease and go again
        return due.size();
    }

    private void send(DueDelivery delivery, LoggedAction action) {
        int attempts = delivery.attempts() + 1;
        if (action == null) {
            failed(delivery, attempts, null, "action " + delivery.actionId() + " is not in the action log");
            return;
        }
        int status;
        try {
            byte[] body = Topics.CAMPAIGN_ACTIONS.valueSerde().serializer().serialize(null, action.action());
            long timestamp = clock.instant().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(props.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header(ACTION_ID_HEADER, delivery.actionId())
                    .header(DELIVERY_ID_HEADER, Long.toString(delivery.deliveryId()))
                    .header(WebhookSigner.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSigner.SIGNATURE_HEADER, WebhookSigner.sign(delivery.secret(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            // The timeout covers the whole answer: HttpRequest.timeout stops at the headers, and a
            // receiver trickling its body must not hold a sender past the lease.
            CompletableFuture<HttpResponse<Void>> answer = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
            try {
                status = answer.get(props.requestTimeout().toMillis(), TimeUnit.MILLISECONDS).statusCode();
            } finally {
                answer.cancel(true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // stopping: the lease runs out and the delivery goes again, not counted as a failure
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            failed(delivery, attempts, null, cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            return;
        } catch (Exception e) {
            failed(delivery, attempts, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            return;
        }
        if (status >= 200 && status < 300) {
            mapper.markDelivered(delivery.deliveryId(), delivery.claim(), attempts, status, clock.instant());
        } else {
            failed(delivery, attempts, status, "HTTP " + status);
        }
    }

    private void failed(DueDelivery delivery, int attempts, Integer status, String error) {
        boolean dead = attempts >= props.maxAttempts();
        Instant next = clock.instant().plus(props.backoffAfter(attempts, ThreadLocalRandom.current().nextDouble()));
        String trimmed = error.length() > 1000 ? error.substring(0, 1000) : error;
        int recorded = mapper.markFailed(delivery.deliveryId(), delivery.claim(), attempts, dead ? "DEAD" : "PENDING", next,
                status, trimmed);
        if (dead && recorded == 1) {
            log.warn("webhook delivery {} of action {} to {} is DEAD after {} attempts: {}", delivery.deliveryId(),
                    delivery.actionId(), delivery.url(), attempts, trimmed);
        }
    }

    private void poll() {
        try {
            while (dispatchDue() == props.batch()) {
                // a full batch: more may be due at once
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("webhook dispatch failed; trying again in {}", props.pollInterval(), e);
        }
    }

    @Override
    public synchronized void start() {
        AtomicInteger n = new AtomicInteger();
        senders = Executors.newFixedThreadPool(props.senders(), r -> daemon(r, "webhook-sender-" + n.incrementAndGet()));
        timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "webhook-dispatcher"));
        long every = props.pollInterval().toMillis();
        timer.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    /** Stops looking, interrupts the sends in flight, and waits for them before the database goes. */
    @Override
    public synchronized void stop() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        senders.shutdownNow();
        try {
            timer.awaitTermination(props.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            senders.awaitTermination(props.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer = null;
        senders = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
