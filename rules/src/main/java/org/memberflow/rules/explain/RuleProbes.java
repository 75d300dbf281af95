package org.memberflow.rules.explain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.memberflow.rules.check.DrlSource;
import org.memberflow.rules.check.RuleSetChecker;
import org.memberflow.rules.session.RuleFile;
import org.memberflow.rules.session.RuleRunner;
import org.memberflow.rules.session.RuleSetCompiler;
import org.memberflow.rules.session.RuleSetRejectedException;

/**
 * Tells why a rule did not fire, by asking Drools itself. For each rule whose conditions are a
 * plain list of patterns, a probe rule is added per prefix of its conditions: the first pattern
 * with its first condition, with its first two, ... the whole rule. On the same facts, the first
 * probe that does not fire names the condition that stopped the rule. Probes have no
 * consequence, so running them decides nothing.
 */
public final class RuleProbes {
    private static final String PROBE = "explain probe #";
    private final RuleRunner runner;
    private final Map<String, List<Probe>> byRule;

    /** One prefix of a rule's conditions: up to and including {@code condition} of {@code pattern}. */
    record Probe(String name, String rule, String type, String condition, boolean firstPattern) {
    }

    private RuleProbes(RuleRunner runner, Map<String, List<Probe>> byRule) {
        this.runner = runner;
        this.byRule = byRule;
    }

    /** Probes for the rules of {@code files}, which must be a rule set that compiles. */
    public static RuleProbes of(List<RuleFile> files) throws RuleSetRejectedException {
        Map<String, List<Probe>> byRule = new LinkedHashMap<>();
        List<RuleFile> probed = new ArrayList<>();
        int[] counter = {0};
        for (DrlSource source : new RuleSetChecker().check(files).sources()) {
            StringBuilder drl = new StringBuilder(source.drl()).append('\n');
            for (RuleDescr rule : parse(source.drl()).getRules()) {
                List<PatternDescr> patterns = plainPatterns(rule);
                if (patterns == null) {
                    continue;
                }
                List<Probe> probes = new ArrayList<>();
                StringBuilder before = new StringBuilder();
                for (int p = 0; p < patterns.size(); p++) {
                    PatternDescr pattern = patterns.get(p);
                    List<String> conditions = conditions(pattern);
                    for (int k = 0; k <= conditions.size(); k++) {
                        Probe probe = new Probe(PROBE + counter[0]++, rule.getName(), pattern.getObjectType(),
                                k == 0 ? null : conditions.get(k - 1), p == 0);
                        drl.append("rule \"").append(probe.name()).append("\"\nwhen\n").append(before)
                                .append("    ").append(patternText(pattern, conditions.subList(0, k)))
                                .append("\nthen\nend\n");
                        probes.add(probe);
                    }
                    before.append("    ").append(patternText(pattern, conditions)).append('\n');
                }
                byRule.put(rule.getName(), probes);
            }
            probed.add(new RuleFile(source.path() + ".drl", drl.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return new RuleProbes(new RuleRunner(new RuleSetCompiler().compile("explain", "probes", probed),
                Integer.MAX_VALUE - 1), byRule);
    }

    /**
     * Why each of {@code rules} did not fire on {@code facts}: the first condition no fact meets,
     * or, for a rule that cannot be probed, a general answer.
     */
    public Map<String, String> whyNot(Collection<?> facts, Collection<String> rules) {
        Set<String> fired = new HashSet<>();
        runner.evaluate(facts, new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        });
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String rule : rules) {
            reasons.put(rule, reason(byRule.get(rule), fired));
        }
        return reasons;
    }

    private static String reason(List<Probe> probes, Set<String> fired) {
        if (probes == null) {
            return "its conditions are not met (they use not, exists, or, from or accumulate, which explain does not"
                    + " break down)";
        }
        for (Probe probe : probes) {
            if (fired.contains(probe.name())) {
                continue;
            }
            if (probe.condition() == null) {
                return probe.firstPattern() ? "there is no " + probe.type() + " fact"
                        : "there is no " + probe.type() + " fact that goes with the facts matched before it";
            }
            return "`" + probe.condition() + "` is not true for " + probe.type();
        }
        return "its conditions hold, but it did not fire (an activation group, an agenda group or the firing limit)";
    }

    /** The patterns of a rule that is a plain list of them; null for anything else. */
    private static List<PatternDescr> plainPatterns(RuleDescr rule) {
        AndDescr lhs = rule.getLhs();
        if (lhs == null) {
            return null;
        }
        List<PatternDescr> patterns = new ArrayList<>();
        for (BaseDescr d : lhs.getDescrs()) {
            if (!(d instanceof PatternDescr p) || p.getSource() != null || p.isQuery() || p.isUnification()) {
                return null;
            }
            patterns.add(p);
        }
        return patterns;
    }

    private static List<String> conditions(PatternDescr pattern) {
        List<String> conditions = new ArrayList<>();
        for (BaseDescr c : pattern.getDescrs()) {
            if (!(c instanceof ExprConstraintDescr e)) {
                return List.of();
            }
            conditions.add(e.getExpression());
        }
        return conditions;
    }

    private static String patternText(PatternDescr pattern, List<String> conditions) {
        String binding = pattern.getIdentifier() == null ? "" : pattern.getIdentifier() + " : ";
        return binding + pattern.getObjectType() + "( " + String.join(", ", conditions) + " )";
    }

    private static PackageDescr parse(String drl) throws RuleSetRejectedException {
        try {
            return new DrlParser().parse(false, drl);
        } catch (DroolsParserException e) {
            throw new IllegalStateException("a checked rule file no longer parses", e);
        }
    }
}
