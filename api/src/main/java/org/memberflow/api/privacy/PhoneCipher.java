package org.memberflow.api.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals phone numbers with AES-256-GCM: a random 96-bit nonce per number, the member id as
 * associated data (a sealed number moved to another member's row does not open), and the key id
 * kept beside it so that keys can rotate.
 */
@Component
public class PhoneCipher {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final PhoneKeys keys;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    PhoneCipher(@Value("${memberflow.privacy.phone-keys:}") String configured,
            @Value("${memberflow.privacy.phone-key-id:}") String activeId, @Value("${memberflow.data-dir}") Path dataDir) {
        this(PhoneKeys.from(configured, activeId, dataDir));
    }

    PhoneCipher(PhoneKeys keys) {
        this.keys = keys;
    }

    /** A sealed phone number and the id of the key that sealed it. */
    public record Sealed(String keyId, byte[] bytes) {
    }

    public Sealed seal(String memberId, String phone) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher aes = cipher(Cipher.ENCRYPT_MODE, keys.active(), nonce, memberId);
            byte[] sealed = aes.doFinal(phone.getBytes(StandardCharsets.UTF_8));
            return new Sealed(keys.activeId(), ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    public String open(String memberId, Sealed sealed) {
        ByteBuffer in = ByteBuffer.wrap(sealed.bytes());
        byte[] nonce = new byte[NONCE_BYTES];
        in.get(nonce);
        byte[] body = new byte[in.remaining()];
        in.get(body);
        try {
            return new String(cipher(Cipher.DECRYPT_MODE, keys.get(sealed.keyId()), nonce, memberId).doFinal(body),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the phone number of " + memberId + " does not open with key " + sealed.keyId(), e);
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String memberId) throws GeneralSecurityException {
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        aes.updateAAD(memberId.getBytes(StandardCharsets.UTF_8));
        return aes;
    }
}
