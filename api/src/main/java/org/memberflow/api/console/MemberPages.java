package org.memberflow.api.console;

import java.util.LinkedHashMap;
import java.util.Map;
import org.memberflow.api.action.ActionRepository;
import org.memberflow.api.member.MemberCache;
import org.memberflow.api.member.MemberIds;
import org.memberflow.api.problem.NotFoundException;
import org.memberflow.api.ruleset.RuleSetCatalog;
import org.memberflow.api.ruleset.RuleSetExplainer;
import org.memberflow.api.segment.SegmentMapper;
import org.memberflow.engine.simulate.Explanation;
import org.memberflow.rules.session.RuleSetRejectedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Member lookup: the snapshot (the phone number only masked, as the API serves it), the segments,
 * the latest actions with their outcomes, and explain: which rules of the active set fire for
 * the member now, and why the others do not.
 */
@Controller
class MemberPages {
    static final int RECENT_ACTIONS = 20;
    private static final TypeReference<LinkedHashMap<String, Object>> FIELDS = new TypeReference<>() {
    };
    private final MemberCache cache;
    private final SegmentMapper segments;
    private final ActionRepository actions;
    private final RuleSetCatalog catalog;
    private final RuleSetExplainer explainer;
    private final JsonMapper json;

    MemberPages(MemberCache cache, SegmentMapper segments, ActionRepository actions, RuleSetCatalog catalog,
            RuleSetExplainer explainer, JsonMapper json) {
        this.cache = cache;
        this.segments = segments;
        this.actions = actions;
        this.catalog = catalog;
        this.explainer = explainer;
        this.json = json;
    }

    @GetMapping("/console/members")
    String lookup(@RequestParam(required = false) String id, Model model) throws RuleSetRejectedException {
        String memberId = id == null ? "" : id.strip();
        model.addAttribute("memberId", memberId);
        if (memberId.isEmpty()) {
            return "console/member";
        }
        MemberIds.checked("id", memberId);
        byte[] snapshot = cache.snapshot(memberId);
        model.addAttribute("found", snapshot != null);
        if (snapshot == null) {
            return "console/member";
        }
        Map<String, Object> fields = json.readValue(snapshot, FIELDS);
        model.addAttribute("snapshot", fields);
        model.addAttribute("segments", segments.ofMember(memberId));
        model.addAttribute("actions", actions.findByMember(memberId, RECENT_ACTIONS));
        try {
            Explanation explanation = explainer.explain(catalog.active().version(),
                    new RuleSetExplainer.Request(memberId, null, null));
            model.addAttribute("explanation", explanation);
            model.addAttribute("facts", explanation.facts().stream()
                    .map(f -> new FactView(f.type(), json.writerWithDefaultPrettyPrinter().writeValueAsString(f.value())))
                    .toList());
        } catch (NotFoundException e) {
            model.addAttribute("explainMissing", true); // the engine state of the member is on another server
        }
        return "console/member";
    }

    /** A fact the rules saw, as JSON. */
    record FactView(String type, String json) {
    }
}
