package org.memberflow.api.ruleset;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.memberflow.engine.ruleset.RuleSetActivator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code rule-sets} in agreement with the catalogue. An activation publishes before its
 * transaction commits; when the commit then fails, or a publication timed out and landed anyway,
 * the topic names another version than MySQL. Every interval this compares the catalogue's active
 * version with the last one this server read from the topic and publishes the catalogue's again
 * when they differ.
 */
@Component
class RuleSetReconciler implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(RuleSetReconciler.class);
    private final RuleSetCatalog catalog;
    private final RuleSetActivator activator;
    private final Duration interval;
    private ScheduledExecutorService timer;
    private boolean started;

    /** @param interval how often to compare; zero turns the timer off (tests call {@link #reconcile}) */
    RuleSetReconciler(RuleSetCatalog catalog, RuleSetActivator activator,
            @Value("${memberflow.rule-sets.reconcile-interval:30s}") Duration interval) {
        this.catalog = catalog;
        this.activator = activator;
        this.interval = interval;
    }

    /** Publishes the catalogue's active version if the topic's last one (as read here) differs. */
    void reconcile() {
        try {
            String active = catalog.active().label();
            String published = activator.status().published();
            if (!active.equals(published)) {
                log.warn("rule-sets says {} but the catalogue's active version is {}: publishing it again", published,
                        active);
                catalog.republishActive();
            }
        } catch (RuntimeException e) {
            log.warn("could not compare rule-sets with the catalogue; trying again in {}", interval, e);
        }
    }

    @Override
    public synchronized void start() {
        started = true;
        if (interval.isZero()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rule-set-reconciler");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::reconcile, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        started = false;
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null || (interval.isZero() && started);
    }
}
