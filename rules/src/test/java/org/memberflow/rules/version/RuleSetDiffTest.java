package org.memberflow.rules.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.memberflow.rules.session.RuleFile;
import org.memberflow.rules.version.RuleSetDiff.Change;
import org.memberflow.rules.version.RuleSetDiff.FileDiff;

class RuleSetDiffTest {
    private static final String RULE = """
            package campaigns
            import org.memberflow.rules.fact.MemberEvent
            global org.memberflow.rules.decision.Decisions decisions
            rule "welcome"
            when
                MemberEvent( )
            then
                decisions.issueCoupon("welcome", "once", "%s");
            end
            """;
    private static final String TABLE = String.join("\n",
            "RuleSet,campaigns",
            "Import,org.memberflow.rules.fact.MemberView",
            "Variables,org.memberflow.rules.decision.Decisions decisions",
            "RuleTable tiers",
            "CONDITION,ACTION",
            "MemberView",
            "\"tier == \"\"$param\"\"\",\"decisions.tagMember(\"\"tier\"\", \"\"once\"\", \"\"$param\"\");\"",
            "tier,tag",
            "gold,%s", "");

    @Test
    void shouldShowEachFileAsAddedRemovedChangedOrUnchanged() {
        List<FileDiff> diffs = RuleSetDiff.between(
                List.of(file("welcome.drl", RULE.formatted("WELCOME")), file("old.drl", RULE.formatted("OLD")),
                        file("same.drl", RULE.formatted("SAME"))),
                List.of(file("welcome.drl", RULE.formatted("SPRING")), file("new.drl", RULE.formatted("NEW")),
                        file("same.drl", RULE.formatted("SAME"))));

        assertThat(diffs).extracting(FileDiff::path, FileDiff::change).containsExactly(
                org.assertj.core.groups.Tuple.tuple("new.drl", Change.ADDED),
                org.assertj.core.groups.Tuple.tuple("old.drl", Change.REMOVED),
                org.assertj.core.groups.Tuple.tuple("same.drl", Change.UNCHANGED),
                org.assertj.core.groups.Tuple.tuple("welcome.drl", Change.CHANGED));
        String changed = diffs.get(3).diff();
        assertThat(changed).startsWith("--- a/welcome.drl\n+++ b/welcome.drl\n@@ ")
                .contains("-    decisions.issueCoupon(\"welcome\", \"once\", \"WELCOME\");\n")
                .contains("+    decisions.issueCoupon(\"welcome\", \"once\", \"SPRING\");\n");
        assertThat(diffs.get(0).diff()).contains("--- /dev/null", "+rule \"welcome\"");
        assertThat(diffs.get(2).diff()).isEmpty();
    }

    @Test
    void shouldCompareDecisionTablesAsTheRulesTheyGenerate() {
        List<FileDiff> diffs = RuleSetDiff.between(List.of(file("tiers.drl.csv", TABLE.formatted("vip"))),
                List.of(file("tiers.drl.csv", TABLE.formatted("very-important"))));

        assertThat(diffs).singleElement().satisfies(d -> {
            assertThat(d.change()).isEqualTo(Change.CHANGED);
            assertThat(d.diff()).contains("decisions.tagMember(\"tier\", \"once\", \"vip\");")
                    .contains("decisions.tagMember(\"tier\", \"once\", \"very-important\");");
        });
    }

    private static RuleFile file(String path, String text) {
        return new RuleFile(path, text.getBytes(StandardCharsets.UTF_8));
    }
}
