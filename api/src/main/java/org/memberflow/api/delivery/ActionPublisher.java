package org.memberflow.api.delivery;

import java.util.List;
import org.memberflow.engine.Topics;
import org.memberflow.engine.action.CampaignAction;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/**
 * Publishes delivered actions on {@code campaign-actions} inside the Kafka transaction of the
 * listener that read their decisions: the actions and the consumed offsets of
 * {@code campaign-decisions} commit together, or neither does.
 */
class ActionPublisher implements DisposableBean {
    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> template;
    private final KafkaTransactionManager<String, byte[]> transactions;

    ActionPublisher(DefaultKafkaProducerFactory<String, byte[]> producers) {
        this.producers = producers;
        this.template = new KafkaTemplate<>(producers);
        this.transactions = new KafkaTransactionManager<>(producers);
        // Off by default in Spring Kafka; on, so that the delivery stage can act after a batch's
        // transaction committed (see DecisionSink). Database work inside runs in transactions of
        // its own, which suspend and resume this one's synchronizations.
        this.transactions.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_ON_ACTUAL_TRANSACTION);
    }

    KafkaTransactionManager<String, byte[]> transactionManager() {
        return transactions;
    }

    /** Sends within the current transaction; they are visible to read_committed readers once it commits. */
    void publish(List<CampaignAction> actions) {
        for (CampaignAction a : actions) {
            template.send(Topics.CAMPAIGN_ACTIONS.name(), a.memberId(),
                    Topics.CAMPAIGN_ACTIONS.valueSerde().serializer().serialize(Topics.CAMPAIGN_ACTIONS.name(), a));
        }
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
