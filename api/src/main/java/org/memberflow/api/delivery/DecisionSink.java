package org.memberflow.api.delivery;

import java.util.ArrayList;
import java.util.List;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.memberflow.engine.Topics;
import org.memberflow.engine.action.CampaignAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The delivery stage: reads {@code campaign-decisions}, settles each batch in the action log under
 * the campaigns' guardrails ({@link ActionLedger}), and publishes the delivered actions on
 * {@code campaign-actions} in the Kafka transaction that commits the batch's offsets. A failure
 * anywhere rolls the Kafka side back and the batch is read again; the log keeps each action's
 * first outcome, so the second reading neither spends a budget again nor publishes twice.
 */
@Component
class DecisionSink {
    private static final Logger log = LoggerFactory.getLogger(DecisionSink.class);
    private final ActionLedger ledger;
    private final ActionPublisher publisher;
    private final Counter refused;

    DecisionSink(ActionLedger ledger, ActionPublisher publisher, MeterRegistry meters) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.refused = Counter.builder("memberflow.delivery.refused")
                .description("records of campaign-decisions that are not decisions the engine writes; see the log")
                .register(meters);
    }

    @KafkaListener(id = "decision-sink", groupId = "memberflow-delivery", topics = "campaign-decisions", batch = "true",
            containerFactory = DeliveryConfiguration.DECISIONS_CONTAINER_FACTORY)
    void onDecisions(List<ConsumerRecord<String, byte[]>> records) {
        List<SourcedDecision> batch = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> r : records) {
            String problem;
            try {
                CampaignAction action = r.value() == null ? null
                        : Topics.CAMPAIGN_DECISIONS.valueSerde().deserializer().deserialize(r.topic(), r.value());
                problem = DecisionCheck.problem(action);
                if (problem == null) {
                    batch.add(new SourcedDecision(action, r.partition(), r.offset()));
                    continue;
                }
            } catch (RuntimeException e) {
                problem = "unreadable: " + e.getMessage();
            }
            // Not a decision the engine writes: nothing to settle, and no reason to stop delivering.
            refused.increment();
            log.error("refusing the record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), problem);
        }
        if (batch.isEmpty()) {
            return;
        }
        publisher.publish(ledger.settle(batch));
        // The container's Kafka transaction commits after this returns, with the offsets.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    ledger.committed(batch);
                } catch (RuntimeException e) {
                    log.warn("delivery watermark not raised after a commit (the next batch raises it): {}", e.getMessage());
                }
            }
        });
    }
}
