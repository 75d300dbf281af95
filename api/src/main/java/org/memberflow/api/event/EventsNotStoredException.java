package org.memberflow.api.event;

/** Kafka did not acknowledge the events in time: the caller should retry (same event ids). */
public final class EventsNotStoredException extends RuntimeException {
    EventsNotStoredException(Throwable cause) {
        super("the events could not be stored: " + cause.getMessage(), cause);
    }
}
