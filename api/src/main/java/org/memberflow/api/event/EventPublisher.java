package org.memberflow.api.event;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.memberflow.api.delivery.DeliveryProperties;
import org.memberflow.engine.Topics;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Produces validated events to {@code member-events}, keyed by member, each request inside one
 * Kafka transaction (shared with the requests that arrive at the same time: {@link GroupCommit}):
 * the engine and the sinks read committed records only, so a request answered with an error (a
 * send or the commit failed or timed out) left nothing they will read, and the client may send it
 * again without counting anything twice.
 */
@Component
class EventPublisher implements DisposableBean {
    /** How long a request waits for the broker before it is answered 503. */
    private static final int MAX_BLOCK_MS = 15_000;
    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    /** Transactions under way at once: one gathers requests while the other commits. */
    private static final int COMMITTERS = 2;
    private final KafkaTemplate<String, byte[]> kafka;
    private final GroupCommit groupCommit;

    EventPublisher(KafkaProperties kafkaProperties, DeliveryProperties delivery, MeterRegistry meters) {
        Map<String, Object> config = kafkaProperties.buildProducerProperties();
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, MAX_BLOCK_MS);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, MAX_BLOCK_MS - 1_000);
        producers = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        // Stable per server (MEMBERFLOW_INSTANCE_ID), as the delivery stage's: a restart fences what it left open.
        producers.setTransactionIdPrefix("memberflow-events-" + delivery.instanceId() + "-");
        kafka = new KafkaTemplate<>(producers);
        DistributionSummary requests = DistributionSummary.builder("memberflow.api.events.transaction.requests")
                .description("requests whose events one Kafka transaction of POST /api/v1/events carried")
                .register(meters);
        groupCommit = new GroupCommit(this::publishInOneTransaction, COMMITTERS, Duration.ofMillis(MAX_BLOCK_MS),
                requests::record);
    }

    /** Returns once every event is committed on the topic; throws (and commits none) otherwise. */
    void publish(List<ValidatedEvent> events) {
        try {
            groupCommit.publish(events);
        } catch (RuntimeException e) {
            throw new EventsNotStoredException(e);
        }
    }

    private void publishInOneTransaction(List<ValidatedEvent> events) {
        kafka.executeInTransaction(ops -> {
            for (ValidatedEvent e : events) {
                ops.send(Topics.MEMBER_EVENTS.name(), e.memberId(), e.json());
            }
            return null;
        });
    }

    @Override
    public void destroy() {
        groupCommit.close();
        producers.destroy();
    }

    /** One event ready for the topic: its key and its JSON. */
    record ValidatedEvent(String eventId, String memberId, byte[] json) {
    }
}
