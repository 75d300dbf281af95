package org.memberflow.api.event;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.memberflow.engine.Topics;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/** Produces validated events to {@code member-events}, keyed by member, and waits for the broker. */
@Component
class EventPublisher {
    private final KafkaTemplate<String, byte[]> kafka;

    EventPublisher(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    /** Returns once every event is acknowledged by the broker; throws if any was not. */
    void publish(List<ValidatedEvent> events) {
        List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(events.size());
        for (ValidatedEvent e : events) {
            sends.add(kafka.send(Topics.MEMBER_EVENTS.name(), e.memberId(), e.json()));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventsNotStoredException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EventsNotStoredException(e);
        }
    }

    /** One event ready for the topic: its key and its JSON. */
    record ValidatedEvent(String eventId, String memberId, byte[] json) {
    }
}
