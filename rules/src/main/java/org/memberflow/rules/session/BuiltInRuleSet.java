package org.memberflow.rules.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The campaigns MemberFlow ships with, as editable files under {@code rules/src/main/resources}. */
public final class BuiltInRuleSet {
    public static final String NAME = "built-in";
    public static final String VERSION = "1";
    private static final String FOLDER = "org/memberflow/rules/builtin/";
    private static final List<String> FILES = List.of("rfm-classes.drl.xlsx", "welcome.drl", "birthday.drl.xlsx", "churn-recall.drl",
            "points-expiry.drl", "rfm-class-change.drl", "check-in-streak.drl");

    private BuiltInRuleSet() {
    }

    public static List<RuleFile> files() {
        List<RuleFile> files = new ArrayList<>();
        for (String name : FILES) {
            try (InputStream in = BuiltInRuleSet.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
                if (in == null) {
                    throw new IllegalStateException("built-in rule file missing from the jar: " + name);
                }
                files.add(new RuleFile(FOLDER + name, in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    public static CompiledRuleSet compile() {
        try {
            return new RuleSetCompiler().compile(NAME, VERSION, files());
        } catch (RuleSetRejectedException e) {
            throw new IllegalStateException("the built-in rule set does not compile:\n" + e.getMessage(), e);
        }
    }
}
