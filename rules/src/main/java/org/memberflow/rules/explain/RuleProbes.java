package org.memberflow.rules.explain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells why a rule did not fire, by asking Drools itself. For each rule whose conditions are a
 * plain list of patterns of different fact types, a probe rule is added per prefix of its
 * conditions: the first pattern with its first condition, with its first two, ... the whole rule.
 * On the same facts, the first probe that does not fire names the condition that stopped the
 * rule. A {@code not} of one pattern is probed whole (the built-in campaigns use one to skip
 * imported events). Probes have no consequence, so running them decides nothing; they are compiled through
 * the same checker as any rule file, in files of their own (the package's imports and globals,
 * and the probes, never the rules themselves).
 *
 * <p>Bounded: patterns of one type twice in a rule would let a prefix build a cross product the
 * rule itself never builds, so such rules are not probed; a file's probes stop at
 * {@link #MAX_PROBE_BYTES}; a probe run stops at {@link #MAX_FIRINGS}. What is not probed gets a
 * general answer.
 */
public final class RuleProbes {
    static final int MAX_PROBE_BYTES = 256 * 1024;
    static final int MAX_FIRINGS = 10_000;
    private static final Logger log = LoggerFactory.getLogger(RuleProbes.class);
    private static final String NOT_BROKEN_DOWN = "its conditions are not met (explain breaks down only rules that"
            + " are a list of patterns of different facts, or a not of one such pattern, without exists, or, from,"
            + " accumulate or functions)";
    private final RuleRunner runner;
    private final Map<String, List<Probe>> byRule;

    /**
     * One prefix of a rule's conditions: up to and including {@code condition} of a pattern of
     * {@code type}, or up to and including {@code negation}, the text of a whole {@code not} pattern.
     */
    record Probe(String name, String rule, String type, String condition, boolean firstPattern, String negation) {
    }

    /** A pattern of a rule's conditions, and whether it stands under a {@code not}. */
    private record Element(PatternDescr pattern, boolean negated) {
    }

    private RuleProbes(RuleRunner runner, Map<String, List<Probe>> byRule) {
        this.runner = runner;
        this.byRule = byRule;
    }

    /** Probes for the rules of {@code files}, which must be a rule set that compiles. */
    public static RuleProbes of(List<RuleFile> files) {
        // A name no rule of the set can have by chance.
        String prefix = "explain probe " + UUID.randomUUID().toString().replace("-", "") + " ";
        Map<String, List<Probe>> byRule = new LinkedHashMap<>();
        List<RuleFile> probeFiles = new ArrayList<>();
        int counter = 0;
        for (DrlSource source : new RuleSetChecker().check(files).sources()) {
            PackageDescr pkg = parse(source.drl());
            if (pkg == null || !pkg.getFunctions().isEmpty() || !pkg.getFunctionImports().isEmpty()) {
                continue;
            }
            StringBuilder drl = header(pkg);
            int headerLength = drl.length();
            for (RuleDescr rule : pkg.getRules()) {
                List<Element> patterns = plainPatterns(rule);
                if (patterns == null || drl.length() > MAX_PROBE_BYTES) {
                    continue;
                }
                List<Probe> probes = new ArrayList<>();
                StringBuilder before = new StringBuilder();
                for (int p = 0; p < patterns.size(); p++) {
                    PatternDescr pattern = patterns.get(p).pattern();
                    List<String> conditions = conditions(pattern);
                    if (patterns.get(p).negated()) {
                        // Fewer conditions under a not exclude more, so only the whole not is a prefix.
                        String negation = "not " + patternText(pattern, conditions);
                        Probe probe = new Probe(prefix + counter++, rule.getName(), pattern.getObjectType(), null, p == 0,
                                negation);
                        drl.append("rule \"").append(probe.name()).append("\"\nwhen\n").append(before)
                                .append("    ").append(negation).append("\nthen\nend\n");
                        probes.add(probe);
                        before.append("    ").append(negation).append('\n');
                        continue;
                    }
                    for (int k = 0; k <= conditions.size(); k++) {
                        Probe probe = new Probe(prefix + counter++, rule.getName(), pattern.getObjectType(),
                                k == 0 ? null : conditions.get(k - 1), p == 0, null);
                        drl.append("rule \"").append(probe.name()).append("\"\nwhen\n").append(before)
                                .append("    ").append(patternText(pattern, conditions.subList(0, k)))
                                .append("\nthen\nend\n");
                        probes.add(probe);
                    }
                    before.append("    ").append(patternText(pattern, conditions)).append('\n');
                }
                byRule.put(rule.getName(), probes);
            }
            if (drl.length() > headerLength) {
                probeFiles.add(new RuleFile("explain-probes-" + probeFiles.size() + ".drl",
                        drl.toString().getBytes(StandardCharsets.UTF_8)));
            }
        }
        if (probeFiles.isEmpty()) {
            return new RuleProbes(null, Map.of());
        }
        try {
            return new RuleProbes(new RuleRunner(new RuleSetCompiler().compile("explain", "probes", probeFiles),
                    MAX_FIRINGS), byRule);
        } catch (RuleSetRejectedException e) {
            // A probe the checker or compiler refuses (a size limit, a condition that only makes
            // sense with the rest of its rule): explain without breaking rules down.
            log.warn("explain probes not compiled; answering without them: {}", e.getMessage());
            return new RuleProbes(null, Map.of());
        }
    }

    /**
     * Why each of {@code rules} did not fire on {@code facts}: the first condition no fact meets,
     * or, for a rule that cannot be probed, a general answer.
     */
    public Map<String, String> whyNot(Collection<?> facts, Collection<String> rules) {
        Set<String> fired = new HashSet<>();
        boolean capped = runner != null && runner.evaluate(facts, new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        }).capped();
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String rule : rules) {
            reasons.put(rule, capped ? "its conditions are not met (too many matches among the facts to break them"
                    + " down)" : reason(byRule.get(rule), fired));
        }
        return reasons;
    }

    private static String reason(List<Probe> probes, Set<String> fired) {
        if (probes == null) {
            return NOT_BROKEN_DOWN;
        }
        for (Probe probe : probes) {
            if (fired.contains(probe.name())) {
                continue;
            }
            if (probe.negation() != null) {
                return "`" + probe.negation() + "` is not true: there is such a " + probe.type() + " fact";
            }
            if (probe.condition() == null) {
                return probe.firstPattern() ? "there is no " + probe.type() + " fact"
                        : "there is no " + probe.type() + " fact that goes with the facts matched before it";
            }
            return "`" + probe.condition() + "` is not true for " + probe.type();
        }
        return "its conditions hold, but it did not fire (an activation group, an agenda group or the firing limit)";
    }

    /** The package, its imports and its globals: what the probes need of their source. */
    private static StringBuilder header(PackageDescr pkg) {
        StringBuilder drl = new StringBuilder("package ").append(pkg.getName()).append("\n\n");
        for (ImportDescr i : pkg.getImports()) {
            drl.append("import ").append(i.getTarget()).append('\n');
        }
        for (GlobalDescr g : pkg.getGlobals()) {
            drl.append("global ").append(g.getType()).append(' ').append(g.getIdentifier()).append('\n');
        }
        return drl.append('\n');
    }

    /**
     * The patterns of a rule that is a plain list of them (each maybe under a {@code not}), each of
     * its own type; null for anything else.
     */
    private static List<Element> plainPatterns(RuleDescr rule) {
        AndDescr lhs = rule.getLhs();
        if (lhs == null) {
            return null;
        }
        List<Element> patterns = new ArrayList<>();
        Set<String> types = new HashSet<>();
        for (BaseDescr d : lhs.getDescrs()) {
            boolean negated = d instanceof NotDescr not && not.getDescrs().size() == 1;
            BaseDescr inner = negated ? ((NotDescr) d).getDescrs().get(0) : d;
            if (!(inner instanceof PatternDescr p) || p.getSource() != null || p.isQuery() || p.isUnification()
                    || (negated && p.getIdentifier() != null) || !types.add(p.getObjectType())) {
                return null;
            }
            patterns.add(new Element(p, negated));
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

    /** The checked source, parsed again; null if it does not parse (it did when checked). */
    private static PackageDescr parse(String drl) {
        try {
            DrlParser parser = new DrlParser();
            PackageDescr pkg = parser.parse(false, drl);
            return parser.hasErrors() ? null : pkg;
        } catch (DroolsParserException e) {
            return null;
        }
    }
}
