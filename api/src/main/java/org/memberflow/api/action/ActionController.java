package org.memberflow.api.action;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.memberflow.api.member.MemberIds;
import org.memberflow.api.problem.InvalidParameterException;
import org.memberflow.engine.action.CampaignAction;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/members/{memberId}/actions}: what was decided for a member, newest first,
 * each with its outcome.
 */
@RestController
class ActionController {
    static final int MAX_LIMIT = 500;
    private final ActionRepository repository;

    ActionController(ActionRepository repository) {
        this.repository = repository;
    }

    @GetMapping("/api/v1/members/{memberId}/actions")
    MemberActions actions(@PathVariable String memberId, @RequestParam(defaultValue = "50") int limit) {
        MemberIds.checked("memberId", memberId);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidParameterException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new MemberActions(memberId, repository.findByMember(memberId, limit).stream().map(MemberAction::of).toList());
    }

    record MemberActions(String memberId, List<MemberAction> actions) {
    }

    /** An action with its outcome (DELIVERED, CONTROL, SUPPRESSED_...), flat. */
    record MemberAction(String actionId, String campaignId, String periodKey, String type, Map<String, String> params,
            String rule, String ruleSetVersion, String causeEventId, Instant decidedAt,
            Instant notBefore, String outcome) {
        static MemberAction of(LoggedAction logged) {
            CampaignAction a = logged.action();
            return new MemberAction(a.actionId(), a.campaignId(), a.periodKey(), a.type().name(), a.params(), a.rule(),
                    a.ruleSetVersion(), a.causeEventId(), a.decidedAt(), a.notBefore(), logged.outcome().name());
        }
    }
}
