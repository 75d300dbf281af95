package org.memberflow.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhoneCipherTest {
    private static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @Test
    void shouldSealWithTheActiveKeyAndOpenWithTheKeyNamed(@TempDir Path dir) {
        PhoneCipher old = new PhoneCipher(PhoneKeys.from("k1=" + K1, "", dir));
        PhoneCipher.Sealed byOld = old.seal("m-1", "13812345678");
        assertThat(byOld.keyId()).isEqualTo("k1");
        assertThat(new String(byOld.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("13812345678");

        PhoneCipher rotated = new PhoneCipher(PhoneKeys.from("k1=" + K1 + ",k2=" + K2, "", dir));
        PhoneCipher.Sealed byNew = rotated.seal("m-1", "13812345678");
        assertThat(byNew.keyId()).isEqualTo("k2");
        assertThat(rotated.open("m-1", byOld)).isEqualTo("13812345678");
        assertThat(rotated.open("m-1", byNew)).isEqualTo("13812345678");
        assertThat(rotated.seal("m-1", "13812345678").bytes()).as("a nonce per seal").isNotEqualTo(byNew.bytes());
    }

    @Test
    void shouldNotOpenANumberMovedToAnotherMember(@TempDir Path dir) {
        PhoneCipher cipher = new PhoneCipher(PhoneKeys.from("k1=" + K1, "k1", dir));
        PhoneCipher.Sealed sealed = cipher.seal("m-1", "13812345678");
        assertThatThrownBy(() -> cipher.open("m-2", sealed)).hasMessageContaining("does not open");
    }

    @Test
    void shouldMakeALocalKeyOnceAndKeepItPrivate(@TempDir Path dir) throws Exception {
        PhoneCipher first = new PhoneCipher(PhoneKeys.from("", "", dir));
        PhoneCipher.Sealed sealed = first.seal("m-1", "13812345678");
        PhoneCipher again = new PhoneCipher(PhoneKeys.from(null, null, dir));
        assertThat(again.open("m-1", sealed)).isEqualTo("13812345678");
        assertThat(Files.getPosixFilePermissions(dir.resolve("phone-key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        Path otherDir = Files.createDirectory(dir.resolve("other-server"));
        PhoneCipher other = new PhoneCipher(PhoneKeys.from("", "", otherDir));
        assertThat(other.seal("m-1", "13812345678").keyId()).as("another server's own key has another id")
                .isNotEqualTo(sealed.keyId());
    }

    @Test
    void shouldRefuseAWrongKeyConfiguration(@TempDir Path dir) {
        assertThatThrownBy(() -> PhoneKeys.from("k1=" + Base64.getEncoder().encodeToString(new byte[16]), "", dir))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> PhoneKeys.from("k1=" + K1, "k9", dir)).hasMessageContaining("k9");
        assertThatThrownBy(() -> PhoneKeys.from("nokey", "", dir)).hasMessageContaining("id=base64");
        assertThatThrownBy(() -> PhoneKeys.from("k".repeat(33) + "=" + K1, "", dir)).hasMessageContaining("over 32");
    }
}
