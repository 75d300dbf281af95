package org.memberflow.engine.action;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The deterministic id of an action: the same (campaign, member, period) always gives the same
 * id, after a crash, a replay or a rule reload. 128 bits of SHA-256, as 32 hex characters.
 */
public final class ActionIds {
    private static final char SEPARATOR = '\u001f'; // unit separator: cannot appear in ids by accident

    private ActionIds() {
    }

    public static String of(String campaignId, String memberId, String periodKey) {
        String key = campaignId + SEPARATOR + memberId + SEPARATOR + periodKey;
        byte[] digest = sha256().digest(key.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
