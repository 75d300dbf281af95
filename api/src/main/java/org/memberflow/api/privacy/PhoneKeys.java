package org.memberflow.api.privacy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AES-256 keys phone numbers are sealed with, by key id, and the id that seals new ones. From
 * {@code memberflow.privacy.phone-keys} ({@code id=base64,id=base64}; the active one is
 * {@code phone-key-id}, else the last listed); older keys stay listed so that what they sealed can
 * still be opened while it is sealed again. Without configured keys, a key made on first start and
 * kept in the data directory ({@code phone-key}, readable by its owner only): fine for the local
 * stack, not for production, where the key belongs in a secret store.
 */
final class PhoneKeys {
    private static final Logger log = LoggerFactory.getLogger(PhoneKeys.class);
    private final Map<String, SecretKey> keys;
    private final String activeId;

    private PhoneKeys(Map<String, SecretKey> keys, String activeId) {
        if (!keys.containsKey(activeId)) {
            throw new IllegalArgumentException("memberflow.privacy.phone-key-id '" + activeId + "' is not among phone-keys "
                    + keys.keySet());
        }
        this.keys = Map.copyOf(keys);
        this.activeId = activeId;
    }

    static PhoneKeys from(String configured, String activeId, Path dataDir) {
        if (configured == null || configured.isBlank()) {
            return local(dataDir);
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String last = null;
        for (String entry : configured.split(",")) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("memberflow.privacy.phone-keys: each key is id=base64 (32 bytes)");
            }
            last = entry.substring(0, eq).strip();
            if (last.length() > 32) {
                throw new IllegalArgumentException("memberflow.privacy.phone-keys: key id '" + last + "' is over 32 characters");
            }
            keys.put(last, aes(Base64.getDecoder().decode(entry.substring(eq + 1).strip()), last));
        }
        return new PhoneKeys(keys, activeId == null || activeId.isBlank() ? last : activeId.strip());
    }

    private static PhoneKeys local(Path dataDir) {
        Path file = dataDir.resolve("phone-key");
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(dataDir);
                try {
                    Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------"))), Base64.getEncoder().encodeToString(key));
                    log.warn("phone numbers are sealed with a key made now in {}; set MEMBERFLOW_PHONE_KEYS in production",
                            file);
                } catch (FileAlreadyExistsException e) {
                    // another server on the same data directory made it first: use theirs
                }
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
            // Named by its own hash: servers that each made a key never mistake one for another.
            String id = "local-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
            return new PhoneKeys(Map.of(id, aes(key, id)), id);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or make the phone key in " + file, e);
        }
    }

    private static SecretKey aes(byte[] key, String id) {
        if (key.length != 32) {
            throw new IllegalArgumentException("phone key '" + id + "' must be 32 bytes (AES-256), not " + key.length);
        }
        return new SecretKeySpec(key, "AES");
    }

    String activeId() {
        return activeId;
    }

    SecretKey active() {
        return keys.get(activeId);
    }

    SecretKey get(String id) {
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("no phone key '" + id + "' is configured (memberflow.privacy.phone-keys)");
        }
        return key;
    }
}
