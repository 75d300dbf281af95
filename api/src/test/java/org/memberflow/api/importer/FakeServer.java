package org.memberflow.api.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.memberflow.api.event.FieldError;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/events} as the import sees it: applies each batch once per Idempotency-Key
 * (a repeat gets the first answer, as the server's idempotency filter gives), refuses the events a
 * test names with a 400 by pointer, and can fail from a given request on, before or after applying it.
 */
final class FakeServer implements EventSender {
    final List<String> applied = new ArrayList<>();
    final List<String> keys = new ArrayList<>();
    final List<Integer> batchSizes = new ArrayList<>();
    private final Map<String, Answer> answers = new HashMap<>();
    private Predicate<JsonNode> refuse = e -> false;
    private String refusedField = "/profile/tier";
    private int failFrom = Integer.MAX_VALUE;
    private boolean applyThenFail;

    /** From the {@code request}-th request on (1-based), fail; {@code afterApplying}: the answer to that one is lost. */
    FakeServer failingFrom(int request, boolean afterApplying) {
        failFrom = request;
        applyThenFail = afterApplying;
        return this;
    }

    /** The server is back: no more failures. */
    void heal() {
        failFrom = Integer.MAX_VALUE;
    }

    FakeServer refusing(Predicate<JsonNode> event, String field) {
        refuse = event;
        refusedField = field;
        return this;
    }

    @Override
    public Answer send(byte[] body, String idempotencyKey) throws ServerFailedException {
        keys.add(idempotencyKey);
        int request = keys.size();
        if (request >= failFrom && !applyThenFail) {
            throw new ServerFailedException("cannot reach the server (test)");
        }
        Answer answer = answers.computeIfAbsent(idempotencyKey, k -> apply(body));
        if (request >= failFrom) {
            throw new ServerFailedException("the answer was lost (test)");
        }
        return answer;
    }

    private Answer apply(byte[] body) {
        JsonNode events = EventJson.MAPPER.readTree(body);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (refuse.test(events.get(i))) {
                errors.add(new FieldError("/" + i + refusedField, "is refused (test)"));
            }
        }
        if (!errors.isEmpty()) {
            return Answer.refused(errors); // all or none, as the server
        }
        events.forEach(e -> applied.add(e.get("eventId").asString()));
        batchSizes.add(events.size());
        return Answer.ok();
    }
}
