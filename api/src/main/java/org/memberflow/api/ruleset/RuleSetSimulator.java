package org.memberflow.api.ruleset;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.memberflow.api.engine.EngineProperties;
import org.memberflow.api.event.FieldError;
import org.memberflow.api.problem.InvalidRequestException;
import org.memberflow.engine.Engine;
import org.memberflow.engine.event.InvalidEventException;
import org.memberflow.engine.member.EventFolder;
import org.memberflow.engine.member.MemberState;
import org.memberflow.engine.simulate.SimulatedMember;
import org.memberflow.engine.simulate.Simulation;
import org.memberflow.engine.simulate.Simulator;
import org.memberflow.rules.fact.MemberEvent;
import org.memberflow.rules.fact.Tick;
import org.memberflow.rules.session.ActiveRules;
import org.memberflow.rules.session.RuleRunner;
import org.memberflow.rules.session.RuleSetRejectedException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Simulates a stored version against the active one: on real members (by id, or a random sample,
 * read from the engine's state stores), and on members described in the request by their history
 * and the events to play. Nothing is emitted or stored.
 */
@Service
public class RuleSetSimulator {
    static final int MAX_SAMPLE = 10_000;
    static final int MAX_MEMBERS = 1_000;
    static final int MAX_EVENTS_PER_MEMBER = 1_000;
    static final String DEFAULT_JOB = "daily";
    private final RuleSetCatalog catalog;
    private final CompiledVersions versions;
    private final ActiveRules activeRules;
    private final Engine engine;
    private final EngineProperties props;
    private final Clock clock;

    RuleSetSimulator(RuleSetCatalog catalog, CompiledVersions versions, ActiveRules activeRules, Engine engine,
            EngineProperties props, Clock clock) {
        this.catalog = catalog;
        this.versions = versions;
        this.activeRules = activeRules;
        this.engine = engine;
        this.props = props;
        this.clock = clock;
    }

    /** The request: any mix of a sample, real member ids and described members. */
    public record Request(Integer sample, List<String> memberIds, List<Described> members, TickJson tick) {
    }

    /** A member described by their past ({@code history}, folded in without rules) and what to play. */
    public record Described(String memberId, List<JsonNode> history, List<JsonNode> events) {
    }

    public record TickJson(String job, LocalDate date) {
    }

    public Simulation simulate(int version, Request request) throws RuleSetRejectedException {
        if (request == null) {
            throw new InvalidRequestException("", "the body must be a JSON object");
        }
        catalog.get(version);
        List<FieldError> errors = new ArrayList<>();
        Tick tick = tick(request.tick(), clock, errors);
        List<SimulatedMember> members = errors.isEmpty() ? members(request, errors) : List.of();
        if (errors.isEmpty() && members.isEmpty()) {
            errors.add(new FieldError("", "name members to simulate: sample, memberIds or members"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        RuleRunner draftRunner = versions.get(version).runner();
        Simulator simulator = new Simulator(props.windowDays(), props.clockMode(), engine::breakpoints);
        return simulator.run(draftRunner, activeRules.runner(), members, tick, clock.instant());
    }

    /** The members named, each once; the sample (a scan of the store) only when the rest is valid. */
    private List<SimulatedMember> members(Request request, List<FieldError> errors) {
        Map<String, SimulatedMember> members = new LinkedHashMap<>();
        List<String> ids = request.memberIds() == null ? List.of() : request.memberIds();
        List<Described> described = request.members() == null ? List.of() : request.members();
        if (ids.size() + described.size() > MAX_MEMBERS) {
            errors.add(new FieldError("", "at most " + MAX_MEMBERS + " memberIds and members together"));
            return List.of();
        }
        for (int i = 0; i < described.size(); i++) {
            SimulatedMember m = described(described.get(i), "/members/" + i, errors);
            if (m != null && members.putIfAbsent(m.memberId(), m) != null) {
                errors.add(new FieldError("/members/" + i + "/memberId", "is described twice"));
            }
        }
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            MemberState state = id == null ? null : engine.memberState(id).orElse(null);
            if (state == null) {
                errors.add(new FieldError("/memberIds/" + i, "no member " + id + " on this instance"));
            } else {
                members.putIfAbsent(id, new SimulatedMember(id, state, List.of()));
            }
        }
        if (request.sample() != null && (request.sample() < 1 || request.sample() > MAX_SAMPLE)) {
            errors.add(new FieldError("/sample", "must be between 1 and " + MAX_SAMPLE));
        }
        if (request.sample() != null && errors.isEmpty()) {
            for (Map.Entry<String, MemberState> m : engine.sampleMembers(request.sample(), new Random())) {
                members.putIfAbsent(m.getKey(), new SimulatedMember(m.getKey(), m.getValue(), List.of()));
            }
        }
        return List.copyOf(members.values());
    }

    private SimulatedMember described(Described d, String at, List<FieldError> errors) {
        if (d == null || d.memberId() == null || d.memberId().isBlank()) {
            errors.add(new FieldError(at + "/memberId", "is required"));
            return null;
        }
        List<MemberEvent> history = events(d.history(), d.memberId(), at + "/history", errors);
        List<MemberEvent> events = events(d.events(), d.memberId(), at + "/events", errors);
        if (history == null || events == null) {
            return null;
        }
        MemberState state = null;
        for (MemberEvent e : history) {
            if (state == null) {
                state = MemberState.newMember(e.getBrandId());
            }
            state.recordSeen(e.getEventId());
            EventFolder.apply(state, e);
        }
        if (state == null && events.isEmpty()) {
            errors.add(new FieldError(at, "needs a history or events"));
            return null;
        }
        return new SimulatedMember(d.memberId(), state, events);
    }

    /** The events, checked as the engine checks them; null when any is bad (each one named). */
    private List<MemberEvent> events(List<JsonNode> nodes, String memberId, String at, List<FieldError> errors) {
        List<MemberEvent> events = new ArrayList<>();
        if (nodes == null) {
            return events;
        }
        if (nodes.size() > MAX_EVENTS_PER_MEMBER) {
            errors.add(new FieldError(at, "at most " + MAX_EVENTS_PER_MEMBER + " events"));
            return null;
        }
        boolean ok = true;
        for (int i = 0; i < nodes.size(); i++) {
            try {
                events.add(MemberEvents.read(nodes.get(i), memberId));
            } catch (InvalidEventException e) {
                errors.add(new FieldError(at + "/" + i + e.field(), e.reason()));
                ok = false;
            }
        }
        return ok ? events : null;
    }

    /** The tick of a request: the daily job, today (UTC), unless it names others. */
    static Tick tick(TickJson json, Clock clock, List<FieldError> errors) {
        String job = json == null || json.job() == null ? DEFAULT_JOB : json.job();
        if (!job.matches("[a-z0-9-]{1,32}")) {
            errors.add(new FieldError("/tick/job", "is 1 to 32 of a-z, 0-9 and '-'"));
        }
        LocalDate date = json == null || json.date() == null ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                : json.date();
        return new Tick(job, date);
    }
}
