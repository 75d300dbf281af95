package org.memberflow.api.action;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.memberflow.engine.action.CampaignAction;
import org.memberflow.rules.decision.ActionType;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The action log in MySQL: every decision once, with its outcome; reads per member. */
@Repository
public class ActionRepository {
    private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {
    };
    private final ActionMapper mapper;
    private final JsonMapper json = JsonMapper.builder().build();

    ActionRepository(ActionMapper mapper) {
        this.mapper = mapper;
    }

    /** Records new actions; a known action id fails the whole insert (and its transaction). */
    public void insertAll(List<LoggedAction> actions) {
        if (!actions.isEmpty()) {
            mapper.insertAll(actions.stream().map(this::toRow).toList());
        }
    }

    /** The actions among these ids already in the log, by id. */
    public Map<String, LoggedAction> findByIds(Collection<String> actionIds) {
        Map<String, LoggedAction> found = new LinkedHashMap<>();
        if (!actionIds.isEmpty()) {
            mapper.findByIds(List.copyOf(actionIds)).forEach(r -> found.put(r.actionId(), fromRow(r)));
        }
        return found;
    }

    /** The member's latest actions, newest first. */
    public List<LoggedAction> findByMember(String memberId, int limit) {
        return mapper.findByMember(memberId, limit).stream().map(this::fromRow).toList();
    }

    private ActionRow toRow(LoggedAction logged) {
        CampaignAction a = logged.action();
        return new ActionRow(a.actionId(), a.brandId(), a.memberId(), a.campaignId(), a.periodKey(), a.type().name(),
                json.writeValueAsString(a.params()), a.rule(), a.ruleSetVersion(), a.causeEventId(), a.decidedAt(),
                a.notBefore(), a.timeZone(), logged.outcome().name(), logged.sourcePartition(), logged.sourceOffset());
    }

    private LoggedAction fromRow(ActionRow r) {
        CampaignAction action = new CampaignAction(r.actionId(), r.brandId(), r.memberId(), r.campaignId(), r.periodKey(),
                ActionType.valueOf(r.actionType()), json.readValue(r.params(), PARAMS), r.ruleName(), r.ruleSetVersion(),
                r.causeEventId(), r.decidedAt(), r.notBefore(), r.timeZone());
        return new LoggedAction(action, Outcome.valueOf(r.outcome()), r.sourcePartition(), r.sourceOffset());
    }
}
