package org.memberflow.api.delivery.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook request: {@code sha256=} and the hex HMAC-SHA256, under the webhook's
 * secret, of the timestamp header, a dot, and the body. The receiver recomputes it and compares in
 * constant time; the timestamp lets it refuse old requests replayed.
 */
public final class WebhookSigner {
    public static final String SIGNATURE_HEADER = "X-MemberFlow-Signature";
    public static final String TIMESTAMP_HEADER = "X-MemberFlow-Timestamp";

    private WebhookSigner() {
    }

    public static String sign(String secret, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is in every JVM", e);
        }
    }
}
