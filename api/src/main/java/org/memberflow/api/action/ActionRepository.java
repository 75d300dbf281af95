package org.memberflow.api.action;

import java.util.List;
import java.util.Map;
import org.memberflow.engine.action.CampaignAction;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The action log in MySQL: idempotent writes by action id, reads per member. */
@Repository
public class ActionRepository {
    private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {
    };
    private final ActionMapper mapper;
    private final JsonMapper json = JsonMapper.builder().build();

    ActionRepository(ActionMapper mapper) {
        this.mapper = mapper;
    }

    /** Records the actions not yet known; returns how many were new. */
    public int recordAll(List<CampaignAction> actions) {
        if (actions.isEmpty()) {
            return 0;
        }
        return mapper.insertIgnoringKnown(actions.stream().map(this::toRow).toList());
    }

    /** The member's latest actions, newest first. */
    public List<CampaignAction> findByMember(String memberId, int limit) {
        return mapper.findByMember(memberId, limit).stream().map(this::fromRow).toList();
    }

    private ActionRow toRow(CampaignAction a) {
        return new ActionRow(a.actionId(), a.brandId(), a.memberId(), a.campaignId(), a.periodKey(), a.type().name(),
                json.writeValueAsString(a.params()), a.rule(), a.ruleSetVersion(), a.causeEventId(), a.decidedAt(),
                a.notBefore(), a.control());
    }

    private CampaignAction fromRow(ActionRow r) {
        return new CampaignAction(r.actionId(), r.brandId(), r.memberId(), r.campaignId(), r.periodKey(),
                org.memberflow.rules.decision.ActionType.valueOf(r.actionType()), json.readValue(r.params(), PARAMS),
                r.ruleName(), r.ruleSetVersion(), r.causeEventId(), r.decidedAt(), r.notBefore(), r.control());
    }
}
