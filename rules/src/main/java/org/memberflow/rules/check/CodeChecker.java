package org.memberflow.rules.check;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.AssertStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drools.mvel.parser.ast.expr.HalfPointFreeExpr;
import org.drools.mvel.parser.ast.expr.NullSafeMethodCallExpr;
import org.drools.mvel.parser.ast.expr.PointFreeExpr;

/**
 * Checks one piece of rule code (a constraint, a consequence, a function body) against the
 * {@link Vocabulary}: every name it uses must be a binding, a local, the global
 * {@code decisions}, a property of the fact being matched or a type of the vocabulary; every
 * method a call of the vocabulary's; nothing constructed but money; no loop that may not end.
 */
final class CodeChecker {
    /** Bare calls Drools rewrites into calls on its own context: changing facts, or the session. */
    static final Set<String> FACT_CHANGES = Set.of("insert", "insertLogical", "insertAsync", "update", "modify",
            "delete", "retract", "halt");
    private static final Set<String> ENGINE_CONTEXT = Set.of("drools", "kcontext");
    private static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net", "io");
    private static final String LOOP_OVER_A_LIST = " (a rule must finish); loop over a list with `for (x : list)`";
    private static final Map<Class<? extends Node>, String> REFUSED = refused();

    /** Where the code stands, which decides what a bare name or call means. */
    enum Place {
        /** A constraint of a pattern: bare names are properties of the matched fact. */
        CONSTRAINT,
        /** A rule's consequence: may call the package's functions. */
        CONSEQUENCE,
        /** A function's body: may call no function (so no recursion). */
        FUNCTION
    }

    private final Place place;
    private final Class<?> patternType;
    private final Set<String> names;
    private final Set<String> functions;
    private final List<Finding> findings = new ArrayList<>();

    /**
     * @param patternType the fact matched, for a constraint; null elsewhere
     * @param names       bindings, parameters and the global in scope
     * @param functions   the functions the package declares
     */
    CodeChecker(Place place, Class<?> patternType, Set<String> names, Set<String> functions) {
        this.place = place;
        this.patternType = patternType;
        this.names = new HashSet<>(names);
        this.functions = functions;
    }

    List<Finding> check(Node code) {
        code.walk(Node.TreeTraversal.PREORDER, n -> {
            if (n instanceof VariableDeclarator v) {
                names.add(v.getNameAsString());
            } else if (n instanceof Parameter p) {
                names.add(p.getNameAsString());
            }
        });
        code.walk(Node.TreeTraversal.PREORDER, this::visit);
        return findings;
    }

    private void visit(Node n) {
        if (n instanceof MethodCallExpr call) {
            call(n, call.getScope(), call.getNameAsString());
        } else if (n instanceof NullSafeMethodCallExpr call) {
            call(n, call.getScope(), call.getNameAsString());
        } else if (n instanceof FieldAccessExpr field) {
            staticAccess(n, field.getScope(), field.getNameAsString());
        } else if (n instanceof NameExpr name) {
            name(n, name.getNameAsString());
        } else if (n instanceof ClassOrInterfaceType type) {
            type(n, type);
        } else if (n instanceof ObjectCreationExpr created) {
            if (!Vocabulary.CONSTRUCTIBLE.contains(created.getType().getNameAsString())
                    || created.getAnonymousClassBody().isPresent()) {
                refuse(n, "`new " + created.getType() + "` is not allowed: a rule can construct only a BigDecimal");
            } else if (created.getArguments().size() != 1
                    || !(created.getArguments().get(0) instanceof StringLiteralExpr money)
                    || !money.getValue().matches("-?\\d{1,15}(\\.\\d{1,10})?")) {
                refuse(n, "a BigDecimal is made from a plain decimal literal, such as `new BigDecimal(\"99.50\")`");
            }
        } else if (n instanceof AssignExpr assign) {
            if (!(assign.getTarget() instanceof NameExpr)) {
                refuse(n, "rules cannot change facts; assign only to local variables and decide through `decisions`");
            }
        } else if (n instanceof UnaryExpr unary && isIncrementOrDecrement(unary)
                && !(unary.getExpression() instanceof NameExpr)) {
            refuse(n, "rules cannot change facts; change only local variables");
        } else if (n instanceof ForEachStmt loop && loop.findAncestor(ForEachStmt.class).isPresent()) {
            refuse(n, "loops inside loops are not allowed (a rule must finish quickly)");
        } else if ((n instanceof VariableDeclarator v && isTypeLike(v.getNameAsString()))
                || (n instanceof Parameter p && isTypeLike(p.getNameAsString()))) {
            refuse(n, "names of variables start with a small letter");
        } else if ((n instanceof PointFreeExpr op && op.getOperator().asString().equals("matches"))
                || (n instanceof HalfPointFreeExpr half && half.getOperator().asString().equals("matches"))) {
            refuse(n, "`matches` is not allowed: a regular expression can run for ever; use startsWith, endsWith or contains");
        } else {
            construct(n);
        }
    }

    /** Constructs that could escape the sandbox or never end. */
    private void construct(Node n) {
        if (n instanceof ThisExpr && place == Place.CONSTRAINT) {
            return;
        }
        for (Map.Entry<Class<? extends Node>, String> refused : REFUSED.entrySet()) {
            if (refused.getKey().isInstance(n)) {
                refuse(n, refused.getValue());
                return;
            }
        }
    }

    private void call(Node n, Optional<Expression> scope, String method) {
        if (scope.isEmpty()) {
            if (FACT_CHANGES.contains(method)) {
                refuse(n, "`" + method + "` is not allowed: rules cannot change facts; decide through `decisions`");
            } else if (place == Place.CONSEQUENCE && functions.contains(method)) {
                return;
            } else if (place == Place.CONSTRAINT && patternType != null && Vocabulary.property(patternType, method)) {
                return;
            } else if (place == Place.FUNCTION && functions.contains(method)) {
                refuse(n, "a function cannot call a function (`" + method + "`): no recursion in rules");
            } else {
                refuse(n, "`" + method + "(...)` is not a function of this rule file nor of the rule vocabulary");
            }
            return;
        }
        Expression s = scope.get();
        if (s instanceof NameExpr name && name.getNameAsString().equals(Vocabulary.DECISIONS)) {
            if (!Vocabulary.decision(method)) {
                refuse(n, "`decisions." + method + "` is not a decision; the decisions are " + Vocabulary.decisions());
            }
        } else if (typeName(s).isPresent()) {
            String type = typeName(s).get();
            Optional<Class<?>> known = Vocabulary.type(type);
            if (known.isPresent() && !Vocabulary.staticMember(known.get(), method)) {
                refuse(n, "`" + type + "." + method + "` is not allowed in rules");
            }
        } else if (!Vocabulary.instanceMethod(method)) {
            refuse(n, "`" + method + "` is not a method rules may call");
        }
        scale(n, method);
    }

    /** A scale argument (setScale, divide with a scale, valueOf with a scale) must be a small literal. */
    private void scale(Node call, String method) {
        Vocabulary.ScaleArgument scale = Vocabulary.SCALE_ARGUMENTS.get(method);
        List<Expression> args = call instanceof MethodCallExpr m ? m.getArguments() : List.of();
        if (scale != null && args.size() >= scale.arguments()
                && !(args.get(scale.index()) instanceof IntegerLiteralExpr literal
                && literal.asNumber().longValue() <= Vocabulary.MAX_SCALE)) {
            refuse(call, "`" + method + "` takes a literal scale of at most " + Vocabulary.MAX_SCALE);
        }
    }

    private void staticAccess(Node n, Expression scope, String field) {
        Optional<String> type = typeName(scope);
        if (type.isPresent()) {
            Optional<Class<?>> known = Vocabulary.type(type.get());
            if (known.isPresent() && !Vocabulary.staticMember(known.get(), field)) {
                refuse(n, "`" + type.get() + "." + field + "` is not allowed in rules");
            }
        }
    }

    private void name(Node n, String name) {
        if (names.contains(name) || Vocabulary.type(name).isPresent()) {
            return;
        }
        if (ENGINE_CONTEXT.contains(name)) {
            refuse(n, "`" + name + "` (the engine's context) is not allowed in rules");
        } else if (place == Place.CONSTRAINT && patternType != null && Vocabulary.property(patternType, name)) {
            return;
        } else if (PACKAGE_ROOTS.contains(name)) {
            refuse(n, "qualified names (`" + name + ".…`) are not allowed: import a type of the rule vocabulary and"
                    + " use its simple name");
        } else if (isTypeLike(name)) {
            refuse(n, "`" + name + "` is not part of the rule vocabulary");
        } else if (place == Place.CONSTRAINT && patternType != null) {
            refuse(n, "`" + name + "` is not a field of " + patternType.getSimpleName());
        } else {
            refuse(n, "unknown name `" + name + "`: rules can use their bindings, local variables, `decisions` and"
                    + " the rule vocabulary");
        }
    }

    private void type(Node n, ClassOrInterfaceType type) {
        if (type.getScope().isPresent()) {
            String qualified = type.asString().replaceAll("<.*>", "");
            if (Vocabulary.importable(qualified).isEmpty()) {
                refuse(n, "`" + qualified + "` is not part of the rule vocabulary");
            }
        } else if (Vocabulary.type(type.getNameAsString()).isEmpty() && !type.getNameAsString().equals("var")) {
            refuse(n, "`" + type.getNameAsString() + "` is not part of the rule vocabulary");
        }
    }

    /** The simple name of a type used as a scope ({@code Math} in {@code Math.max}), if the scope is one. */
    private Optional<String> typeName(Expression scope) {
        if (scope instanceof NameExpr name && !names.contains(name.getNameAsString())
                && isTypeLike(name.getNameAsString())) {
            return Optional.of(name.getNameAsString());
        }
        return Optional.empty();
    }

    private static boolean isTypeLike(String name) {
        return !name.isEmpty() && Character.isUpperCase(name.charAt(0));
    }

    private static boolean isIncrementOrDecrement(UnaryExpr unary) {
        return switch (unary.getOperator()) {
            case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> true;
            default -> false;
        };
    }

    private static Map<Class<? extends Node>, String> refused() {
        Map<Class<? extends Node>, String> m = new LinkedHashMap<>();
        m.put(LambdaExpr.class, "lambdas are not allowed");
        m.put(MethodReferenceExpr.class, "method references are not allowed");
        m.put(ClassExpr.class, "class literals (`.class`) are not allowed");
        m.put(ArrayCreationExpr.class, "creating arrays is not allowed");
        m.put(SuperExpr.class, "`super` is not allowed");
        m.put(ThisExpr.class, "`this` is not allowed here");
        m.put(WhileStmt.class, "`while` loops are not allowed" + LOOP_OVER_A_LIST);
        m.put(DoStmt.class, "`do` loops are not allowed" + LOOP_OVER_A_LIST);
        m.put(ForStmt.class, "counted `for` loops are not allowed" + LOOP_OVER_A_LIST);
        m.put(LabeledStmt.class, "labels are not allowed");
        m.put(TryStmt.class, "`try` is not allowed");
        m.put(ThrowStmt.class, "`throw` is not allowed");
        m.put(SynchronizedStmt.class, "`synchronized` is not allowed");
        m.put(AssertStmt.class, "`assert` is not allowed");
        m.put(LocalClassDeclarationStmt.class, "classes cannot be declared in rules");
        m.put(LocalRecordDeclarationStmt.class, "records cannot be declared in rules");
        m.put(ExplicitConstructorInvocationStmt.class, "constructor calls are not allowed");
        return Map.copyOf(m);
    }

    private void refuse(Node n, String message) {
        int line = n.getBegin().map(p -> p.line).orElse(1);
        int column = n.getBegin().map(p -> p.column).orElse(1);
        findings.add(new Finding(line, column, message));
    }
}
