package org.memberflow.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class KeyTokenTest {
    /** The key's format as a regular expression: what the hand-written reader must agree with. */
    private static final Pattern FORMAT = Pattern.compile("mfk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})");
    private static final String CHARS = "abcxyz0189ABCXYZ_-+/=. é٣\t";

    @Test
    void shouldReadWhatItGenerates() {
        for (int i = 0; i < 1_000; i++) {
            KeyToken token = KeyToken.generate();
            assertThat(KeyToken.parse(token.value())).isEqualTo(token);
            assertThat(KeyToken.parse(" " + token.value() + "\n")).isEqualTo(token);
        }
    }

    @Test
    void shouldAgreeWithTheFormatOnEveryOneCharacterChange() {
        SplittableRandom random = new SplittableRandom(3);
        String key = KeyToken.generate().value();
        for (int at = 0; at < key.length(); at++) {
            for (int c = 0; c < CHARS.length(); c++) {
                String changed = key.substring(0, at) + CHARS.charAt(c) + key.substring(at + 1);
                assertAgrees(changed);
                assertAgrees(key.substring(0, at) + key.substring(at + 1)); // one shorter
                assertAgrees(key.substring(0, at) + CHARS.charAt(random.nextInt(CHARS.length())) + key.substring(at));
            }
        }
        for (String other : new String[] {"", "mfk_", "Bearer " + key, key.toUpperCase(), key + key}) {
            assertAgrees(other);
        }
    }

    private static void assertAgrees(String presented) {
        Matcher m = FORMAT.matcher(presented.strip());
        KeyToken expected = m.matches() ? new KeyToken(m.group(1), m.group(2)) : null;
        assertThat(KeyToken.parse(presented)).as(presented).isEqualTo(expected);
    }
}
