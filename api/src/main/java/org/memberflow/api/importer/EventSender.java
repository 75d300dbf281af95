package org.memberflow.api.importer;

import java.util.List;
import org.memberflow.api.event.FieldError;

/** Sends one batch of events to the server. */
interface EventSender {

    /**
     * @return the server's verdict: accepted (all events), or refused with the bad fields by
     *         pointer ({@code /3/amount}: the fourth event of the body)
     * @throws ServerFailedException when the batch could not be delivered (unreachable after
     *                               retries, the key refused, an answer the import cannot act on)
     */
    Answer send(byte[] body, String idempotencyKey) throws ServerFailedException, InterruptedException;

    /** {@code errors} is empty when the batch was accepted. */
    record Answer(boolean accepted, List<FieldError> errors) {
        static Answer ok() {
            return new Answer(true, List.of());
        }

        static Answer refused(List<FieldError> errors) {
            return new Answer(false, List.copyOf(errors));
        }
    }
}
