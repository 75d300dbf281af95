package org.memberflow.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.memberflow.rules.session.BuiltInRuleSet;
import org.memberflow.rules.session.CompiledRuleSet;
import org.memberflow.rules.session.RuleFile;
import org.memberflow.rules.session.RuleSetCompiler;
import org.memberflow.rules.session.RuleSetRejectedException;

/** The rule sets the benchmarks run: the built-in campaigns, and a trivial one-rule baseline. */
final class RuleSets {
    static final String BUILT_IN = "built-in";
    static final String ONE_RULE = "one-rule";

    private static final String ONE_RULE_DRL = """
            package org.memberflow.bench
            import org.memberflow.rules.fact.MemberEvent
            import org.memberflow.rules.fact.EventType
            global org.memberflow.rules.decision.Decisions decisions
            rule "one rule"
            when
                MemberEvent( type == EventType.REGISTERED )
            then
                decisions.issueCoupon("one", "once", "ONE");
            end
            """;

    private RuleSets() {
    }

    static CompiledRuleSet named(String name) {
        return switch (name) {
            case BUILT_IN -> BuiltInRuleSet.compile();
            case ONE_RULE -> compile(ONE_RULE, List.of(new RuleFile("one-rule.drl", ONE_RULE_DRL.getBytes(StandardCharsets.UTF_8))));
            default -> throw new IllegalArgumentException("no rule set " + name);
        };
    }

    static CompiledRuleSet compile(String name, List<RuleFile> files) {
        try {
            return new RuleSetCompiler().compile(name, "1", files);
        } catch (RuleSetRejectedException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
