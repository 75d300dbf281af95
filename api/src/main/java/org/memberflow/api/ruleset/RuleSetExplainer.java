package org.memberflow.api.ruleset;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.memberflow.api.engine.EngineProperties;
import org.memberflow.api.problem.InvalidRequestException;
import org.memberflow.api.problem.NotFoundException;
import org.memberflow.engine.Engine;
import org.memberflow.engine.clock.ClockMode;
import org.memberflow.engine.event.EventReader;
import org.memberflow.engine.event.InvalidEventException;
import org.memberflow.engine.member.MemberState;
import org.memberflow.engine.simulate.Explanation;
import org.memberflow.engine.simulate.MemberExplainer;
import org.memberflow.rules.explain.RuleProbes;
import org.memberflow.rules.fact.MemberEvent;
import org.memberflow.rules.fact.Tick;
import org.memberflow.rules.session.RuleFile;
import org.memberflow.rules.session.RuleRunner;
import org.memberflow.rules.session.RuleSetCompiler;
import org.memberflow.rules.session.RuleSetRejectedException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Explains what a version decides for one real member, woken by a tick or by an event given in
 * the request. The compiled version and its probes are kept for the few versions explained last
 * (versions never change, so nothing goes stale).
 */
@Service
class RuleSetExplainer {
    private static final int KEEP_COMPILED = 4;
    private final EventReader reader = new EventReader();
    private final RuleSetCatalog catalog;
    private final Engine engine;
    private final EngineProperties props;
    private final Clock clock;
    private final Map<Integer, Compiled> compiled = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Compiled> eldest) {
            return size() > KEEP_COMPILED;
        }
    };

    RuleSetExplainer(RuleSetCatalog catalog, Engine engine, EngineProperties props, Clock clock) {
        this.catalog = catalog;
        this.engine = engine;
        this.props = props;
        this.clock = clock;
    }

    /** Which member, and optionally the event to play or the tick that wakes them. */
    record Request(String memberId, JsonNode event, RuleSetSimulator.TickJson tick) {
    }

    Explanation explain(int version, Request request) throws RuleSetRejectedException {
        if (request == null || request.memberId() == null || request.memberId().isBlank()) {
            throw new InvalidRequestException("/memberId", "is required");
        }
        String memberId = request.memberId();
        MemberEvent event = event(request, memberId);
        MemberState state = engine.memberState(memberId).orElse(null);
        if (state == null && event == null) {
            throw new NotFoundException("member", "no member " + memberId + " on this instance; send an event to"
                    + " explain a new member");
        }
        Compiled set = compiled(version);
        String job = request.tick() == null || request.tick().job() == null ? RuleSetSimulator.DEFAULT_JOB
                : request.tick().job();
        LocalDate date = request.tick() == null || request.tick().date() == null
                ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) : request.tick().date();
        String brand = state != null ? state.brandId() : event.getBrandId();
        return new MemberExplainer(props.windowDays()).explain(set.runner(), set.probes(), memberId, state, event,
                new Tick(job, date), event != null && props.clockMode() == ClockMode.EVENT
                        ? event.getOccurredAt() : clock.instant(), engine.breakpoints(brand));
    }

    private MemberEvent event(Request request, String memberId) {
        if (request.event() == null || request.event().isNull()) {
            return null;
        }
        try {
            MemberEvent event = reader.read(reader.write(request.event()));
            if (!event.getMemberId().equals(memberId)) {
                throw new InvalidEventException("/memberId", "must be the member's id, " + memberId);
            }
            return event;
        } catch (InvalidEventException e) {
            throw new InvalidRequestException("/event" + e.field(), e.reason());
        }
    }

    private Compiled compiled(int version) throws RuleSetRejectedException {
        synchronized (compiled) {
            Compiled found = compiled.get(version);
            if (found != null) {
                return found;
            }
        }
        RuleSetVersion v = catalog.get(version);
        List<RuleFile> files = catalog.files(version);
        Compiled built = new Compiled(new RuleRunner(new RuleSetCompiler().compile(v.name(), Integer.toString(version),
                files), props.maxRuleFirings()), RuleProbes.of(files));
        synchronized (compiled) {
            compiled.put(version, built);
        }
        return built;
    }

    private record Compiled(RuleRunner runner, RuleProbes probes) {
    }
}
