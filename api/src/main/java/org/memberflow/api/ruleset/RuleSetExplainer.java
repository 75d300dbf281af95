package org.memberflow.api.ruleset;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.memberflow.api.engine.EngineProperties;
import org.memberflow.api.event.FieldError;
import org.memberflow.api.problem.InvalidRequestException;
import org.memberflow.api.problem.NotFoundException;
import org.memberflow.engine.Engine;
import org.memberflow.engine.clock.ClockMode;
import org.memberflow.engine.event.InvalidEventException;
import org.memberflow.engine.member.MemberState;
import org.memberflow.engine.simulate.Explanation;
import org.memberflow.engine.simulate.MemberExplainer;
import org.memberflow.rules.fact.MemberEvent;
import org.memberflow.rules.fact.Tick;
import org.memberflow.rules.session.RuleSetRejectedException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Explains what a version decides for one real member, woken by a tick or by an event given in
 * the request.
 */
@Service
public class RuleSetExplainer {
    private final CompiledVersions versions;
    private final Engine engine;
    private final EngineProperties props;
    private final Clock clock;

    RuleSetExplainer(CompiledVersions versions, Engine engine, EngineProperties props, Clock clock) {
        this.versions = versions;
        this.engine = engine;
        this.props = props;
        this.clock = clock;
    }

    /** Which member, and optionally the event to play or the tick that wakes them. */
    public record Request(String memberId, JsonNode event, RuleSetSimulator.TickJson tick) {
    }

    public Explanation explain(int version, Request request) throws RuleSetRejectedException {
        if (request == null || request.memberId() == null || request.memberId().isBlank()) {
            throw new InvalidRequestException("/memberId", "is required");
        }
        String memberId = request.memberId();
        List<FieldError> errors = new ArrayList<>();
        Tick tick = RuleSetSimulator.tick(request.tick(), clock, errors);
        MemberEvent event = event(request, memberId, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        MemberState state = engine.memberState(memberId).orElse(null);
        if (state == null && event == null) {
            throw new NotFoundException("member", "no member " + memberId + " on this instance; send an event to"
                    + " explain a new member");
        }
        CompiledVersions.Compiled set = versions.get(version);
        String brand = state != null ? state.brandId() : event.getBrandId();
        Instant now = event != null && props.clockMode() == ClockMode.EVENT ? event.getOccurredAt() : clock.instant();
        return new MemberExplainer(props.windowDays()).explain(set.runner(), set.probes(), memberId, state, event, tick,
                now, engine.breakpoints(brand));
    }

    private MemberEvent event(Request request, String memberId, List<FieldError> errors) {
        if (request.event() == null || request.event().isNull()) {
            return null;
        }
        try {
            return MemberEvents.read(request.event(), memberId);
        } catch (InvalidEventException e) {
            errors.add(new FieldError("/event" + e.field(), e.reason()));
            return null;
        }
    }
}
