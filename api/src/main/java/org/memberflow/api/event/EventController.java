package org.memberflow.api.event;

import java.util.ArrayList;
import java.util.List;
import org.memberflow.engine.event.EventReader;
import org.memberflow.engine.event.InvalidEventException;
import org.memberflow.rules.fact.MemberEvent;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/events}: one event or an array of them. All are checked by the same
 * validator the engine uses; either all are accepted (202, written to {@code member-events}) or
 * none (400, every bad field named).
 */
@RestController
@RequestMapping("/api/v1/events")
class EventController {
    static final int MAX_BATCH = 1000;
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    private final EventReader reader = new EventReader();
    private final EventPublisher publisher;

    EventController(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    AcceptedEvents post(@RequestBody byte[] body) {
        JsonNode root = parse(body);
        boolean batch = root.isArray();
        List<JsonNode> nodes = new ArrayList<>();
        if (batch) {
            if (root.isEmpty() || root.size() > MAX_BATCH) {
                throw new InvalidEventsException(List.of(new FieldError("",
                        "a batch holds 1 to " + MAX_BATCH + " events, not " + root.size())));
            }
            root.forEach(nodes::add);
        } else {
            nodes.add(root);
        }
        List<FieldError> errors = new ArrayList<>();
        List<EventPublisher.ValidatedEvent> events = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            try {
                // Exactly the bytes the engine will read, checked exactly as the engine checks them.
                byte[] json = reader.write(nodes.get(i));
                MemberEvent e = reader.read(json);
                events.add(new EventPublisher.ValidatedEvent(e.getEventId(), e.getMemberId(), json));
            } catch (InvalidEventException e) {
                errors.add(new FieldError((batch ? "/" + i : "") + e.field(), e.reason()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidEventsException(errors);
        }
        publisher.publish(events);
        return new AcceptedEvents(events.stream().map(EventPublisher.ValidatedEvent::eventId).toList());
    }

    private JsonNode parse(byte[] body) {
        try {
            return reader.readTree(body, MAX_BODY_BYTES);
        } catch (InvalidEventException e) {
            throw new InvalidEventsException(List.of(new FieldError(e.field(), e.reason())));
        }
    }

    /** The 202 answer: the ids of the events now on {@code member-events}. */
    record AcceptedEvents(List<String> accepted) {
    }
}
