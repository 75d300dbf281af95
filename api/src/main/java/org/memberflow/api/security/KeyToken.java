package org.memberflow.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * An API key as a client presents it: {@code mfk_<id>_<secret>}. The id is public (it names the
 * key in lists and logs); the secret is 32 random bytes, of which only the SHA-256 is stored. A
 * slow password hash protects guessable passwords; a 256-bit random secret cannot be guessed, so
 * one fast hash is enough and a request costs no key stretching.
 */
record KeyToken(String id, String secret) {
    static final String PREFIX = "mfk_";
    private static final int ID_LENGTH = 12;
    private static final int SECRET_LENGTH = 43; // 32 bytes in unpadded base64url
    private static final int LENGTH = PREFIX.length() + ID_LENGTH + 1 + SECRET_LENGTH;
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new key with a random id and secret. */
    static KeyToken generate() {
        char[] id = new char[12];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)];
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new KeyToken(new String(id), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /**
     * The key in {@code presented} ({@code mfk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}}, around it only
     * white space), or null when it is not a MemberFlow key at all. Read by hand, not by a regular
     * expression: every request with a key is read twice (BENCHMARKS.md, the API).
     */
    static KeyToken parse(String presented) {
        String s = presented.strip();
        if (s.length() != LENGTH || !s.startsWith(PREFIX) || s.charAt(PREFIX.length() + ID_LENGTH) != '_') {
            return null;
        }
        int secretStart = PREFIX.length() + ID_LENGTH + 1;
        for (int i = PREFIX.length(); i < secretStart - 1; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return null;
            }
        }
        for (int i = secretStart; i < LENGTH; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return null;
            }
        }
        return new KeyToken(s.substring(PREFIX.length(), secretStart - 1), s.substring(secretStart));
    }

    String value() {
        return PREFIX + id + "_" + secret;
    }

    byte[] secretHash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Whether this key's secret is the one whose hash is stored (in constant time). */
    boolean matches(byte[] storedHash) {
        return MessageDigest.isEqual(secretHash(), storedHash);
    }

    @Override
    public String toString() {
        return PREFIX + id + "_…"; // never the secret
    }
}
