package org.memberflow.rules.check;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.stmt.BlockStmt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalBranchDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NamedConsequenceDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.drools.model.codegen.execmodel.generator.DrlxParseUtil;
import org.drools.mvel.parser.ast.expr.DrlxExpression;
import org.memberflow.rules.decision.Decisions;
import org.memberflow.rules.session.CompileError;

/**
 * The safety check of one DRL text: parses it as Drools does, then refuses anything outside the
 * {@link Vocabulary}: imports, globals, declarations, dialects and timers at the file level;
 * the facts matched, every constraint, {@code eval} and {@code from} expression, accumulate
 * functions and the consequences (parsed with JavaParser) of every rule; function bodies. It
 * reports every finding, not just the first.
 */
final class DrlChecker {
    private static final Set<String> REFUSED_ATTRIBUTES = Set.of("timer", "calendars", "duration");
    private static final Pattern PLAIN_VALUE = Pattern.compile("-?\\d+|true|false");

    private final String file;
    private final List<CompileError> errors = new ArrayList<>();
    private final Set<String> functions = new HashSet<>();

    private DrlChecker(String file) {
        this.file = file;
    }

    /** What the check found in one file; a file that does not parse has only its parse errors. */
    record Report(boolean parsed, List<CompileError> errors) {
    }

    /** Every parse error, or every safety finding, of {@code drl}, reported against {@code file}. */
    static Report check(String file, String drl) {
        DrlChecker checker = new DrlChecker(file);
        boolean parsed = checker.run(drl);
        return new Report(parsed, checker.errors);
    }

    private boolean run(String drl) {
        // Java compilers read \\uXXXX escapes before anything else; the parsers here do not, so an
        // escaped quote could hide code inside what the check sees as one string literal.
        int escape = drl.indexOf("\\u");
        if (escape >= 0) {
            int line = (int) drl.substring(0, escape).chars().filter(c -> c == '\n').count() + 1;
            errors.add(new CompileError(file, line, 0, "unicode escapes (\\u…) are not allowed: write the character itself"));
            return false;
        }
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, drl);
        } catch (DroolsParserException e) {
            errors.add(new CompileError(file, e.getLineNumber(), e.getColumn(), e.getMessage()));
            return false;
        }
        if (parser.hasErrors() || pkg == null) {
            for (DroolsError e : parser.getErrors()) {
                int line = e instanceof ParserError p ? p.getRow() : firstLine(e.getLines());
                int column = e instanceof ParserError p ? p.getCol() : 0;
                errors.add(new CompileError(file, line, column, e.getMessage()));
            }
            return false;
        }
        pkg.getFunctions().forEach(f -> functions.add(f.getName()));
        pkg.getFunctions().stream().filter(f -> CodeChecker.FACT_CHANGES.contains(f.getName()))
                .forEach(f -> refuse(f, "a function cannot be named `" + f.getName() + "`: Drools reserves it"));
        checkPackage(pkg);
        pkg.getFunctions().forEach(this::checkFunction);
        pkg.getRules().forEach(this::checkRule);
        return true;
    }

    private void checkPackage(PackageDescr pkg) {
        for (ImportDescr i : pkg.getImports()) {
            String target = i.getTarget();
            boolean allowed = target.endsWith(".*")
                    ? Vocabulary.importablePackage(target.substring(0, target.length() - 2))
                    : Vocabulary.importable(target).isPresent();
            if (!allowed) {
                refuse(i, "import of `" + target + "` is not allowed: rules may import only the rule vocabulary"
                        + " (org.memberflow.rules.fact.*, org.memberflow.rules.decision.*, java.time and java.math types)");
            }
        }
        pkg.getFunctionImports().forEach(i -> refuse(i, "`import function` is not allowed"));
        pkg.getAccumulateImports().forEach(i -> refuse(i, "`import accumulate` is not allowed"));
        for (GlobalDescr g : pkg.getGlobals()) {
            boolean decisions = g.getIdentifier().equals(Vocabulary.DECISIONS)
                    && (g.getType().equals(Decisions.class.getName()) || g.getType().equals(Decisions.class.getSimpleName()));
            if (!decisions) {
                refuse(g, "global `" + g.getIdentifier() + "` is not allowed: the only global is `"
                        + Decisions.class.getName() + " decisions`");
            }
        }
        pkg.getTypeDeclarations().forEach(t -> refuse(t, "`declare` is not allowed: rules see only MemberFlow's facts"));
        pkg.getEnumDeclarations().forEach(t -> refuse(t, "`declare enum` is not allowed"));
        pkg.getEntryPointDeclarations().forEach(t -> refuse(t, "entry points are not allowed"));
        pkg.getWindowDeclarations().forEach(t -> refuse(t, "windows are not allowed"));
        pkg.getAttributes().forEach(this::checkAttribute);
        if (pkg.getUnit() != null) {
            refuse(pkg, "rule units are not allowed");
        }
    }

    private void checkAttribute(AttributeDescr a) {
        String name = a.getName();
        // Attribute values are pasted into generated Java: only plain names and dates.
        if (!name.equals("salience") && !name.equals("enabled") && !Vocabulary.SAFE_NAME.matcher(a.getValue()).matches()) {
            refuse(a, "the value of `" + name + "` may hold only letters, digits, spaces and _ . , : ( ) ' ! ? & + # % -");
            return;
        }
        if (name.equals("dialect") && !a.getValue().equals("java")) {
            refuse(a, "dialect \"" + a.getValue() + "\" is not allowed: rules are written in the java dialect");
        } else if (REFUSED_ATTRIBUTES.contains(name)) {
            refuse(a, "`" + name + "` is not allowed: the engine decides when rules run (events and ticks)");
        } else if ((name.equals("salience") || name.equals("enabled")) && !PLAIN_VALUE.matcher(a.getValue().trim()).matches()) {
            expression(a, a.getValue(), null, Set.of());
        }
    }

    private void checkFunction(FunctionDescr f) {
        Set<String> names = new HashSet<>(f.getParameterNames());
        List<String> types = new ArrayList<>(f.getParameterTypes());
        types.add(f.getReturnType());
        for (String type : types) {
            String raw = type.replaceAll("<.*>", "").replace("[]", "").trim();
            boolean known = raw.isEmpty() || raw.equals("void") || isPrimitive(raw) || Vocabulary.type(raw).isPresent()
                    || Vocabulary.importable(raw).isPresent();
            if (!known) {
                refuse(f, "function `" + f.getName() + "`: type `" + type + "` is not part of the rule vocabulary");
            }
        }
        String body = f.getBody().trim();
        block(f, body.startsWith("{") ? body : "{" + body + "}", f.getLine(), CodeChecker.Place.FUNCTION, names,
                "function `" + f.getName() + "`");
    }

    private void checkRule(RuleDescr rule) {
        String where = (rule.isQuery() ? "query \"" : "rule \"") + rule.getName() + "\"";
        if (rule.isQuery()) {
            refuse(rule, "queries are not allowed");
            return;
        }
        if (rule.getUnit() != null) {
            refuse(rule, where + ": rule units are not allowed");
        }
        if (!Vocabulary.SAFE_NAME.matcher(rule.getName()).matches()) {
            refuse(rule, "a rule name may hold only letters, digits, spaces and _ . , : ( ) ' ! ? & + # % -"
                    + " (at most 120)");
        }
        if (!rule.getAnnotations().isEmpty()) {
            refuse(rule, where + ": annotations are not allowed");
        }
        rule.getAttributes().values().forEach(this::checkAttribute);
        Set<String> bindings = new HashSet<>();
        bindings.add(Vocabulary.DECISIONS);
        collectBindings(rule.getLhs(), bindings);
        lhs(rule.getLhs(), bindings);
        if (rule.getConsequence() instanceof String consequence) {
            // The parser's consequence line is one before `then`, whose line the text starts on.
            block(rule, "{" + consequence + "\n}", rule.getConsequenceLine() + 1, CodeChecker.Place.CONSEQUENCE,
                    bindings, where);
        }
        for (Map.Entry<String, Object> named : rule.getNamedConsequences().entrySet()) {
            if (named.getValue() instanceof String code) {
                block(rule, "{" + code + "\n}", rule.getLine(), CodeChecker.Place.CONSEQUENCE, bindings,
                        where + " then[" + named.getKey() + "]");
            }
        }
    }

    /** Every identifier the conditions bind, so that code may name them in any order. */
    private void collectBindings(BaseDescr d, Set<String> bindings) {
        if (d instanceof PatternDescr p) {
            bindings.addAll(p.getAllBoundIdentifiers());
            for (BaseDescr c : p.getDescrs()) {
                if (c instanceof ExprConstraintDescr e) {
                    parse(e.getExpression()).flatMap(x -> Optional.ofNullable(x.getBind()))
                            .ifPresent(b -> bindings.add(b.asString()));
                }
            }
            if (p.getSource() instanceof AccumulateDescr acc) {
                acc.getFunctions().forEach(f -> {
                    if (f.getBind() != null) {
                        bindings.add(f.getBind());
                    }
                });
            }
            sourceInput(p.getSource()).ifPresent(in -> collectBindings(in, bindings));
        } else if (d instanceof ConditionalElementDescr ce) {
            ce.getDescrs().forEach(c -> collectBindings(c, bindings));
        }
    }

    private void lhs(BaseDescr d, Set<String> bindings) {
        if (d instanceof PatternDescr p) {
            pattern(p, bindings);
        } else if (d instanceof EvalDescr eval) {
            expression(eval, String.valueOf(eval.getContent()), null, bindings);
        } else if (d instanceof ConditionalBranchDescr branch) {
            for (ConditionalBranchDescr b = branch; b != null; b = b.getElseBranch()) {
                if (b.getCondition() != null) {
                    expression(b, String.valueOf(b.getCondition().getContent()), null, bindings);
                }
            }
        } else if (d instanceof NamedConsequenceDescr) {
            return; // `do[name]`: its code is checked with the rule's named consequences
        } else if (d instanceof ConditionalElementDescr ce) {
            ce.getDescrs().forEach(c -> lhs(c, bindings));
        } else {
            refuse(d, "this kind of condition is not allowed: " + d.getClass().getSimpleName().replace("Descr", ""));
        }
    }

    private void pattern(PatternDescr p, Set<String> bindings) {
        PatternSourceDescr source = p.getSource();
        Optional<Class<?>> type = resolve(p.getObjectType());
        if (type.isEmpty()) {
            refuse(p, "`" + p.getObjectType() + "` is not a fact rules can match");
        } else if (!Vocabulary.isFact(type.get()) && source == null) {
            refuse(p, "`" + p.getObjectType() + "` is not a fact rules can match (only after `from`, `accumulate` or"
                    + " `collect`)");
        }
        for (BaseDescr c : p.getDescrs()) {
            if (c instanceof ExprConstraintDescr e) {
                expression(e.getLine() > 0 ? e : p, e.getExpression(), type.orElse(null), bindings);
            }
        }
        if (source instanceof FromDescr from) {
            expression(from, from.getExpression(), null, bindings);
        } else if (source instanceof AccumulateDescr acc) {
            if (acc.getInitCode() != null || acc.getActionCode() != null || acc.getResultCode() != null) {
                refuse(acc, "accumulate with inline code is not allowed; use count, sum, min, max, average,"
                        + " collectList or collectSet");
            }
            for (AccumulateDescr.AccumulateFunctionCallDescr f : acc.getFunctions()) {
                if (!Vocabulary.ACCUMULATE_FUNCTIONS.contains(f.getFunction())) {
                    refuse(acc, "accumulate function `" + f.getFunction() + "` is not allowed; use "
                            + Vocabulary.ACCUMULATE_FUNCTIONS);
                }
                for (String param : f.getParams()) {
                    expression(acc, param, null, bindings);
                }
            }
            if (acc.getInput() != null) {
                lhs(acc.getInput(), bindings);
            }
        } else if (source instanceof CollectDescr collect) {
            lhs(collect.getInputPattern(), bindings);
        } else if (source instanceof EntryPointDescr) {
            refuse(source, "entry points are not allowed");
        } else if (source != null) {
            refuse(source, "this pattern source is not allowed: " + source.getClass().getSimpleName().replace("Descr", ""));
        }
    }

    private static Optional<BaseDescr> sourceInput(PatternSourceDescr source) {
        if (source instanceof AccumulateDescr acc) {
            return Optional.ofNullable(acc.getInput());
        }
        if (source instanceof CollectDescr collect) {
            return Optional.ofNullable(collect.getInputPattern());
        }
        return Optional.empty();
    }

    /** Checks a DRL expression; one Drools cannot parse is left to the compiler, which reports it. */
    private void expression(BaseDescr at, String text, Class<?> patternType, Set<String> bindings) {
        Optional<DrlxExpression> parsed = parse(text);
        if (parsed.isEmpty()) {
            return;
        }
        List<Finding> findings = new CodeChecker(CodeChecker.Place.CONSTRAINT, patternType, bindings, functions)
                .check(parsed.get().getExpr());
        for (Finding f : findings) {
            // Drools' expression parser leaves its nodes at line 0, column 0: read that as the first line.
            int line = Math.max(f.line(), 1);
            int column = Math.max(f.column(), 1);
            errors.add(new CompileError(file, Math.max(at.getLine(), 0) + line - 1,
                    line == 1 ? Math.max(at.getColumn(), 0) + column : column, f.message()));
        }
    }

    private static Optional<DrlxExpression> parse(String expression) {
        try {
            return Optional.of(DrlxParseUtil.parseExpression(expression));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private void block(BaseDescr at, String code, int firstLine, CodeChecker.Place place, Set<String> names,
            String where) {
        ParseResult<BlockStmt> parsed = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)).parseBlock(code);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            String problem = parsed.getProblems().isEmpty() ? "" : ": " + parsed.getProblems().get(0).getMessage()
                    .lines().findFirst().orElse("");
            refuse(at, where + " is not plain Java" + problem + " (rules decide through `decisions` and cannot"
                    + " insert, modify, update or delete facts)");
            return;
        }
        Node block = parsed.getResult().get();
        for (Finding f : new CodeChecker(place, null, names, functions).check(block)) {
            errors.add(new CompileError(file, Math.max(firstLine, 1) + f.line() - 1, f.column(), where + ": " + f.message()));
        }
    }

    private static Optional<Class<?>> resolve(String typeName) {
        String raw = typeName.replaceAll("<.*>", "").trim();
        return raw.contains(".") ? Vocabulary.importable(raw) : Vocabulary.type(raw);
    }

    private static boolean isPrimitive(String type) {
        return Set.of("int", "long", "double", "float", "boolean", "char", "short", "byte").contains(type);
    }

    private static int firstLine(int[] lines) {
        return lines == null || lines.length == 0 ? 0 : lines[0];
    }

    private void refuse(BaseDescr at, String message) {
        errors.add(new CompileError(file, Math.max(at.getLine(), 0), Math.max(at.getColumn(), 0), message));
    }
}
