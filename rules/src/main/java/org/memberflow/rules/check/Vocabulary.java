package org.memberflow.rules.check;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.memberflow.rules.decision.ActionType;
import org.memberflow.rules.decision.Decisions;
import org.memberflow.rules.fact.CampaignHistory;
import org.memberflow.rules.fact.EventType;
import org.memberflow.rules.fact.MemberEvent;
import org.memberflow.rules.fact.MemberView;
import org.memberflow.rules.fact.PointsLot;
import org.memberflow.rules.fact.Profile;
import org.memberflow.rules.fact.RfmProfile;
import org.memberflow.rules.fact.Segment;
import org.memberflow.rules.fact.Tick;
import org.memberflow.rules.fact.Today;
import org.memberflow.segments.RfmClass;

/**
 * Everything a rule file may name: the allowlist behind the safety check, and the language
 * documented in {@code rules/README.md}. A rule sees the facts, reads their values, and decides
 * through the global {@code decisions}; it cannot reach anything else in the server.
 *
 * <p>The check cannot know the type of every expression (that is the compiler's job), so what
 * keeps rules in the sandbox is that no expression can produce an object outside these types:
 * no type but these can be named, nothing can be constructed but a {@code BigDecimal}, and the
 * few methods that lead out of them ({@code getClass}, {@code getDeclaringClass}, ...) are
 * refused by name.
 */
public final class Vocabulary {
    /** The global every rule file declares, and the only one. */
    public static final String DECISIONS = "decisions";

    /** What rules match on: the facts MemberFlow inserts. */
    static final List<Class<?>> FACTS = List.of(MemberEvent.class, MemberView.class, PointsLot.class, Segment.class,
            RfmProfile.class, Today.class, Tick.class, CampaignHistory.class, Profile.class);

    /** Values a rule may name besides the facts: for constants, static helpers and conversions. */
    static final List<Class<?>> VALUE_TYPES = List.of(EventType.class, ActionType.class, RfmClass.class, Decisions.class,
            String.class, Number.class, Integer.class, Long.class, Double.class, Boolean.class, Math.class, BigDecimal.class,
            RoundingMode.class, LocalDate.class, LocalDateTime.class, Instant.class, Duration.class, ZoneId.class,
            DayOfWeek.class, Month.class, ChronoUnit.class, List.class, Set.class, Map.class, Collection.class);

    /** The only class a rule may construct (money from a literal: {@code new BigDecimal("99.00")}). */
    static final Set<String> CONSTRUCTIBLE = Set.of("BigDecimal");

    /** Methods that reach out of the vocabulary (to classes, class loaders, threads), whatever the receiver. */
    static final Set<String> DENIED_METHODS = Set.of("getClass", "getDeclaringClass", "wait", "notify", "notifyAll",
            "finalize", "clone", "forName", "newInstance", "invoke", "exec", "exit", "halt", "load", "loadLibrary",
            "getRuntime", "getProperty", "getProperties", "setProperty", "getenv", "getClassLoader",
            "getContextClassLoader", "setAccessible", "getMethod", "getMethods", "getField", "getFields",
            "getDeclaredMethod", "getDeclaredMethods", "getDeclaredField", "getDeclaredFields", "getConstructor",
            "getDeclaredConstructor", "lookup", "stream", "parallelStream", "forEach", "iterator", "spliterator",
            "removeIf", "replaceAll", "compute", "computeIfAbsent", "computeIfPresent", "merge", "toArray",
            // what can exhaust memory or time with one argument: repeat(1 << 30), pow(1 << 30), "%999999999d",
            // regular expressions
            "repeat", "pow", "format", "formatted", "matches", "replaceFirst", "split", "datesUntil", "intern",
            "chars", "codePoints", "lines", "movePointLeft", "movePointRight", "scaleByPowerOfTen", "indent",
            // read system properties
            "getInteger", "getLong", "getBoolean", "TYPE",
            // personal data (PIPL): no rule reads a phone number, so none can put it into an action
            "getPhone");

    /**
     * Where a method takes a scale (digits to build), which must be a literal up to
     * {@link #MAX_SCALE}: the argument's index, in calls with at least so many arguments
     * ({@code divide(d, mode)} has none; {@code divide(d, scale, mode)} has one).
     */
    record ScaleArgument(int index, int arguments) {
    }

    static final Map<String, ScaleArgument> SCALE_ARGUMENTS = Map.of("setScale", new ScaleArgument(0, 1),
            "divide", new ScaleArgument(1, 3), "valueOf", new ScaleArgument(1, 2));

    /** Names safe to paste into generated Java: rule names, agenda groups and the like. */
    static final Pattern SAFE_NAME = Pattern.compile("[\\p{L}\\p{N} _.,:()'!?&+#%-]{1,120}");

    /** A scale is money's rounding, but a huge scale is a huge number: only a literal up to this. */
    static final int MAX_SCALE = 10;

    /** The built-in accumulate functions a rule may use in {@code accumulate( ... ; sum($x) )}. */
    static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("count", "sum", "min", "max", "average", "collectList",
            "collectSet");

    private static final Map<String, Class<?>> BY_SIMPLE_NAME = Stream.concat(FACTS.stream(), VALUE_TYPES.stream())
            .collect(Collectors.toMap(Class::getSimpleName, c -> c, (a, b) -> a, LinkedHashMap::new));
    private static final Set<String> INSTANCE_METHODS = instanceMethods();
    private static final Set<String> DECISION_METHODS = Arrays.stream(Decisions.class.getMethods())
            .filter(m -> m.getDeclaringClass() == Decisions.class && m.getReturnType() == void.class)
            .map(Method::getName).collect(Collectors.toUnmodifiableSet());

    private Vocabulary() {
    }

    /** The class a rule may import under this fully qualified name, if any. */
    static Optional<Class<?>> importable(String qualifiedName) {
        return BY_SIMPLE_NAME.values().stream()
                .filter(c -> c.getName().equals(qualifiedName) || c.getCanonicalName().equals(qualifiedName))
                .findFirst();
    }

    /** Whether {@code pkg.*} imports nothing but the vocabulary (the fact and decision packages). */
    static boolean importablePackage(String pkg) {
        return pkg.equals(MemberEvent.class.getPackageName()) || pkg.equals(Decisions.class.getPackageName());
    }

    /** A type of the vocabulary by its simple name ({@code String} and {@code Math} need no import). */
    static Optional<Class<?>> type(String simpleName) {
        return Optional.ofNullable(BY_SIMPLE_NAME.get(simpleName));
    }

    static boolean isFact(Class<?> type) {
        return FACTS.contains(type);
    }

    /** Whether some type of the vocabulary has a public instance method of this name, not denied. */
    static boolean instanceMethod(String name) {
        return INSTANCE_METHODS.contains(name) && !DENIED_METHODS.contains(name);
    }

    /** Whether {@code type} has a public static method or field of this name, not denied. */
    static boolean staticMember(Class<?> type, String name) {
        if (DENIED_METHODS.contains(name)) {
            return false;
        }
        boolean method = Arrays.stream(type.getMethods())
                .anyMatch(m -> Modifier.isStatic(m.getModifiers()) && m.getName().equals(name));
        boolean field = Arrays.stream(type.getFields())
                .anyMatch(f -> Modifier.isStatic(f.getModifiers()) && f.getName().equals(name));
        return method || field;
    }

    /** Whether {@code decisions.name(...)} is a decision (not the engine's own methods). */
    static boolean decision(String name) {
        return DECISION_METHODS.contains(name);
    }

    static Set<String> decisions() {
        return DECISION_METHODS;
    }

    /** Whether a fact of this type has a readable property of this name (a getter or a record accessor). */
    static boolean property(Class<?> type, String name) {
        if (name.equals("this")) {
            return true;
        }
        String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return Arrays.stream(type.getMethods()).anyMatch(m -> m.getParameterCount() == 0
                && !Modifier.isStatic(m.getModifiers()) && !DENIED_METHODS.contains(m.getName())
                && (m.getName().equals("get" + capitalised) || m.getName().equals("is" + capitalised)
                || m.getName().equals(name)));
    }

    private static Set<String> instanceMethods() {
        Set<String> names = new HashSet<>();
        for (Class<?> c : BY_SIMPLE_NAME.values()) {
            for (Method m : c.getMethods()) {
                if (!Modifier.isStatic(m.getModifiers())) {
                    names.add(m.getName());
                }
            }
        }
        return Set.copyOf(names);
    }
}
