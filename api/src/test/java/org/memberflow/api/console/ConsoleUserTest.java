package org.memberflow.api.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.memberflow.api.ruleset.RuleSetUpload;
import org.memberflow.api.security.Role;

/** The author a console user is recorded as: the key's name and id, always one an upload accepts. */
class ConsoleUserTest {

    @Test
    void shouldRecordTheNameWithTheKeyId() {
        assertThat(new ConsoleUser("k3v9q2x7m1ab", "li.na", Role.MARKETER).actor()).isEqualTo("li.na (k3v9q2x7m1ab)");
        assertThat(new ConsoleUser("k3v9q2x7m1ab", "李娜 <ops>", Role.MARKETER).actor()).isEqualTo("李娜 _ops_ (k3v9q2x7m1ab)");
        assertThat(new ConsoleUser("k3v9q2x7m1ab", "!!!", Role.MARKETER).actor()).isEqualTo("___ (k3v9q2x7m1ab)");
        assertThat(new ConsoleUser("k3v9q2x7m1ab", "  ", Role.MARKETER).actor()).isEqualTo("k3v9q2x7m1ab");
    }

    /** A name of letters outside the BMP, cut where a UTF-16 cut would split one of them in two. */
    @Test
    void shouldCutALongNameOnCharactersNotHalves() {
        String name = "a" + "𠀀".repeat(80); // U+20000, a CJK letter of two UTF-16 units
        String actor = new ConsoleUser("k3v9q2x7m1ab", name, Role.MARKETER).actor();
        assertThat(actor.codePointCount(0, actor.length())).isEqualTo(64);
        assertThat(actor).endsWith("𠀀 (k3v9q2x7m1ab)").doesNotContain("\uFFFD");
        assertThat(actor.codePoints().filter(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)).isEmpty();
        assertThatCode(() -> RuleSetUpload.of("n", actor, "", 1, List.of(), List.of())).doesNotThrowAnyException();
    }

    @Test
    void shouldBeAnAuthorAnUploadAccepts() {
        for (String name : List.of("li.na", "运营 团队 (华东)", "x".repeat(200), "🎉 launch 🎉", "a\u0301b")) {
            String actor = new ConsoleUser("k3v9q2x7m1ab", name, Role.MARKETER).actor();
            assertThatCode(() -> RuleSetUpload.of("n", actor, "", 1, List.of(), List.of())).as(actor)
                    .doesNotThrowAnyException();
        }
    }
}
