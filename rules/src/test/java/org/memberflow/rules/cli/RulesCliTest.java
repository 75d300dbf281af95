package org.memberflow.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCliTest {
    private static final String RULE = """
            package campaigns
            import org.memberflow.rules.fact.MemberEvent
            global org.memberflow.rules.decision.Decisions decisions
            rule "welcome"
            when
                MemberEvent( )
            then
                decisions.issueCoupon("welcome", "once", "WELCOME");
            end
            """;

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldExitZeroForAFolderOfGoodRules() throws IOException {
        Files.createDirectories(dir.resolve("churn"));
        Files.writeString(dir.resolve("welcome.drl"), RULE);
        Files.writeString(dir.resolve("churn/recall.drl"), RULE.replace("\"welcome\"", "\"recall\""));
        Files.writeString(dir.resolve("notes.txt"), "not a rule file, skipped");

        assertThat(run("validate", dir.toString())).isZero();
        assertThat(out.toString()).contains("ok: 2 file(s) compile");
    }

    @Test
    void shouldExitOneAndPrintEveryErrorWithItsFileAndLine() throws IOException {
        Path a = Files.writeString(dir.resolve("a.drl"), RULE.replace("MemberEvent( )", "MemberEvnt( )"));
        Path b = Files.writeString(dir.resolve("b.drl"), RULE.replace("decisions.issueCoupon", "System.exit(1); decisions.issueCoupon"));

        assertThat(run("validate", a.toString(), b.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("a.drl:6:").contains("b.drl:8:").contains("the rule set is refused");
    }

    @Test
    void shouldExitTwoForBadUsageAndThreeWhenTheServerCannotBeReached() throws IOException {
        assertThat(run("deploy", "--name", "x", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--author");

        Files.writeString(dir.resolve("welcome.drl"), RULE);
        assertThat(run("deploy", "--server", "http://127.0.0.1:1", "--name", "x", "--author", "ci", dir.toString()))
                .isEqualTo(3);
        assertThat(err.toString()).contains("cannot reach http://127.0.0.1:1");
    }

    @Test
    void shouldExitTwoForAFileThatIsNotThere() {
        assertThat(run("validate", dir.resolve("missing.drl").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read").contains("missing.drl");
    }

    private int run(String... args) {
        return RulesCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
