package org.memberflow.api.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.memberflow.api.action.ActionMapper;
import org.memberflow.api.action.ActionRepository;
import org.memberflow.api.action.LoggedAction;
import org.memberflow.api.action.Outcome;
import org.memberflow.api.action.RecentDelivery;
import org.memberflow.api.campaign.Campaign;
import org.memberflow.api.campaign.CampaignMapper;
import org.memberflow.api.delivery.webhook.WebhookMapper;
import org.memberflow.engine.action.CampaignAction;
import org.memberflow.rules.decision.ActionType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles decisions: gives each new action its outcome under its campaign's guardrails and records
 * it, in one MySQL transaction per batch that also spends the budgets and queues the webhook
 * deliveries. The campaigns' rows are locked for the transaction, so servers settling at the same
 * time spend each budget exactly; an action id already in the log keeps the outcome it got, so a
 * replayed decision is never counted twice.
 */
@Component
class ActionLedger {
    /** The daily cap looks back one local day; zones reach 14 hours from UTC. */
    private static final Duration DAILY_CAP_LOOKBACK = Duration.ofHours(48);
    /** Decisions settled, by campaign and outcome (DELIVERED, CONTROL, SUPPRESSED_...). */
    static final String ACTIONS = "memberflow.delivery.actions";

    private final ActionRepository actions;
    private final ActionMapper actionMapper;
    private final CampaignMapper campaigns;
    private final WebhookMapper webhooks;
    private final WatermarkMapper watermarks;
    private final Guardrails guardrails;
    private final TransactionTemplate transaction;
    private final TransactionTemplate afterCommit;
    private final Clock clock;
    private final MeterRegistry meters;

    ActionLedger(ActionRepository actions, ActionMapper actionMapper, CampaignMapper campaigns, WebhookMapper webhooks,
            WatermarkMapper watermarks, DeliveryProperties props, PlatformTransactionManager transactions, Clock clock,
            MeterRegistry meters) {
        this.actions = actions;
        this.actionMapper = actionMapper;
        this.campaigns = campaigns;
        this.webhooks = webhooks;
        this.watermarks = watermarks;
        this.guardrails = new Guardrails(props.memberDailyCap(), props.defaultTimeZone());
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.afterCommit = new TransactionTemplate(transactions);
        this.afterCommit.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Settles a batch and returns the actions to publish on campaign-actions: the new ones
     * delivered, and the delivered ones this very record settled before (their publication was
     * rolled back with the transaction that read them, so this is its redelivery).
     */
    List<CampaignAction> settle(List<SourcedDecision> batch) {
        Settlement settlement = transaction.execute(status -> settleInTransaction(batch));
        // Counted once committed: a batch rolled back and read again finds these known, not new.
        settlement.settled().forEach(a -> meters.counter(ACTIONS, "campaign", a.action().campaignId(), "outcome",
                a.outcome().name()).increment());
        return settlement.publish();
    }

    /** What a batch's transaction did: the actions it settled anew, and those to publish. */
    private record Settlement(List<LoggedAction> settled, List<CampaignAction> publish) {
    }

    private Settlement settleInTransaction(List<SourcedDecision> batch) {
        Map<String, SourcedDecision> byId = new LinkedHashMap<>();
        batch.forEach(d -> byId.putIfAbsent(d.action().actionId(), d));
        Map<String, LoggedAction> known = actions.findByIds(byId.keySet());
        Map<Integer, Long> committedBelow = raiseWatermarks(batch);

        List<CampaignAction> publish = new ArrayList<>();
        List<SourcedDecision> fresh = new ArrayList<>();
        for (SourcedDecision d : byId.values()) {
            LoggedAction logged = known.get(d.action().actionId());
            if (logged == null) {
                fresh.add(d);
            } else if (logged.delivered() && logged.settledBy(d.partition(), d.offset())
                    && d.offset() >= committedBelow.get(d.partition())) {
                publish.add(logged.action()); // its publication was rolled back with the batch that settled it
            }
        }
        if (fresh.isEmpty()) {
            return new Settlement(List.of(), publish);
        }

        Map<String, Campaign> campaignById = lockCampaigns(fresh);
        Map<String, Spend> spends = new HashMap<>();
        campaignById.values().forEach(c -> spends.put(c.campaignId(), new Spend(c)));
        Map<String, MemberDeliveries> histories = histories(fresh, campaignById);

        Instant now = clock.instant();
        List<LoggedAction> settled = new ArrayList<>(fresh.size());
        List<String> delivered = new ArrayList<>();
        for (SourcedDecision d : fresh) {
            CampaignAction action = d.action();
            Verdict verdict = guardrails.judge(action, campaignById.get(action.campaignId()),
                    histories.get(action.memberId()), spends.get(action.campaignId()), now);
            CampaignAction recorded = verdict.notBefore() == null ? action : action.deliverNotBefore(verdict.notBefore());
            settled.add(new LoggedAction(recorded, verdict.outcome(), d.partition(), d.offset()));
            if (verdict.outcome() == Outcome.DELIVERED) {
                publish.add(recorded);
                delivered.add(recorded.actionId());
            }
        }
        actions.insertAll(settled);
        spends.forEach((id, spend) -> {
            if (spend.changed()) {
                campaigns.updateSpent(id, spend.count(), spend.value());
            }
        });
        if (!delivered.isEmpty()) {
            webhooks.enqueueFor(delivered, now);
        }
        return new Settlement(settled, publish);
    }

    /**
     * Called once the Kafka transaction of a batch committed: its records will not come again in
     * this group, so the watermark moves past them. Until then a replay of the last batch of a quiet
     * partition could not be told from its redelivery. Best effort: if this fails, the next batch
     * on the partition raises the watermark anyway.
     */
    void committed(List<SourcedDecision> batch) {
        Map<Integer, Long> next = new HashMap<>();
        batch.forEach(d -> next.merge(d.partition(), d.offset() + 1, Math::max));
        // A transaction of its own: this runs in the Kafka transaction's after-commit phase.
        afterCommit.executeWithoutResult(s -> next.forEach(watermarks::raise));
    }

    /**
     * Each partition's watermark, raised to the batch's first offset there: the consumer reads on
     * from its committed position, so everything before the batch was committed with its outputs.
     * Returns the watermarks as they were before this batch, which is what tells a redelivery
     * (at or above) from a record read again after its batch committed (below).
     */
    private Map<Integer, Long> raiseWatermarks(List<SourcedDecision> batch) {
        Map<Integer, Long> first = new HashMap<>();
        batch.forEach(d -> first.merge(d.partition(), d.offset(), Math::min));
        Map<Integer, Long> before = new HashMap<>();
        first.keySet().forEach(p -> before.put(p, -1L));
        watermarks.find(List.copyOf(first.keySet())).forEach(w -> before.put(w.partition(), w.committedBelow()));
        first.forEach(watermarks::raise);
        return before;
    }

    private Map<String, Campaign> lockCampaigns(List<SourcedDecision> fresh) {
        TreeSet<String> ids = new TreeSet<>();
        fresh.forEach(d -> ids.add(d.action().campaignId()));
        Map<String, Campaign> byId = new HashMap<>();
        campaigns.lockByIds(List.copyOf(ids)).forEach(c -> byId.put(c.campaignId(), c));
        return byId;
    }

    /** Each member's deliveries far enough back for the longest cap of the batch's campaigns. */
    private Map<String, MemberDeliveries> histories(List<SourcedDecision> fresh, Map<String, Campaign> campaignById) {
        Duration lookback = DAILY_CAP_LOOKBACK;
        for (Campaign c : campaignById.values()) {
            if (c.capCount() != null && Duration.ofDays(c.capPeriodDays()).compareTo(lookback) > 0) {
                lookback = Duration.ofDays(c.capPeriodDays());
            }
        }
        Instant earliest = fresh.stream().map(d -> d.action().decidedAt()).min(Instant::compareTo).orElseThrow();
        Map<String, MemberDeliveries> histories = new HashMap<>();
        fresh.forEach(d -> histories.computeIfAbsent(d.action().memberId(), m -> new MemberDeliveries()));
        for (RecentDelivery r : actionMapper.deliveredSince(List.copyOf(histories.keySet()), earliest.minus(lookback))) {
            histories.get(r.memberId()).add(r.campaignId(), ActionType.valueOf(r.actionType()), r.decidedAt(),
                    Outcome.valueOf(r.outcome()) == Outcome.CONTROL);
        }
        return histories;
    }
}
