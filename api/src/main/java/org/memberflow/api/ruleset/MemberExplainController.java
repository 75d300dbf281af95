package org.memberflow.api.ruleset;

import org.memberflow.engine.simulate.Explanation;
import org.memberflow.rules.session.RuleSetRejectedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/members/{memberId}/explain}: for one member, what the active rule set would
 * decide now and why each other rule does not fire (the same as {@code POST
 * /api/v1/rulesets/{active}/explain} with only the member). Emits nothing.
 */
@RestController
class MemberExplainController {
    private final RuleSetCatalog catalog;
    private final RuleSetExplainer explainer;

    MemberExplainController(RuleSetCatalog catalog, RuleSetExplainer explainer) {
        this.catalog = catalog;
        this.explainer = explainer;
    }

    @GetMapping("/api/v1/members/{memberId}/explain")
    Explanation explain(@PathVariable String memberId) throws RuleSetRejectedException {
        return explainer.explain(catalog.active().version(), new RuleSetExplainer.Request(memberId, null, null));
    }
}
