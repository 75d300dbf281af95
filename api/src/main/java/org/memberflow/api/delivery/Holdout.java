package org.memberflow.api.delivery;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The control group: a member is in a campaign's holdout when a hash of (campaign, member) falls
 * in the first {@code percent} of 10,000 buckets. Deterministic: the same member gets the same
 * answer on every server, after every replay, for every action of the campaign.
 */
final class Holdout {
    private static final int BUCKETS = 10_000;

    private Holdout() {
    }

    static boolean isControl(String campaignId, String memberId, BigDecimal percent) {
        if (percent == null || percent.signum() <= 0) {
            return false;
        }
        return bucket(campaignId, memberId) < percent.movePointRight(2).intValue();
    }

    /** 0..9,999, uniform over members. */
    static int bucket(String campaignId, String memberId) {
        byte[] digest = sha256().digest(("holdout\u001f" + campaignId + '\u001f' + memberId).getBytes(StandardCharsets.UTF_8));
        long unsigned = Integer.toUnsignedLong(ByteBuffer.wrap(digest, 0, 4).getInt());
        return (int) (unsigned % BUCKETS);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
