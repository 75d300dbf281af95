package org.memberflow.api.security;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code memberflow.security.*} in application.yml.
 *
 * @param firstAdminKey the ADMIN key created when a server starts on an empty key table; blank:
 *                      a random one, printed once on the console
 * @param keyCacheFor   how long a server trusts a key it has checked: a revocation reaches the
 *                      other servers within this time (the revoking server at once)
 * @param rateLimits    requests a second per key, by role (a key's own limit overrides it); 0: none
 * @param failedAuthPerMinute keys that fail to authenticate from one client address in a minute
 *                      before it gets 429 instead of a look-up; 0: no limit
 */
@ConfigurationProperties("memberflow.security")
public record KeyProperties(String firstAdminKey, Duration keyCacheFor, Map<Role, Integer> rateLimits,
        int failedAuthPerMinute) {

    public KeyProperties {
        if (keyCacheFor == null || keyCacheFor.isNegative()) {
            throw new IllegalArgumentException("memberflow.security.key-cache-for must be 0s or more");
        }
        rateLimits = rateLimits == null || rateLimits.isEmpty() ? Map.of() : new EnumMap<>(rateLimits);
        if (rateLimits.values().stream().anyMatch(limit -> limit == null || limit < 0)) {
            throw new IllegalArgumentException("memberflow.security.rate-limits: each must be 0 (none) or more");
        }
        if (failedAuthPerMinute < 0) {
            throw new IllegalArgumentException("memberflow.security.failed-auth-per-minute must be 0 (none) or more");
        }
        if (firstAdminKey != null && !firstAdminKey.isBlank() && KeyToken.parse(firstAdminKey) == null) {
            throw new IllegalArgumentException("memberflow.security.first-admin-key must be a key as the server "
                    + "makes them (mfk_ + 12 lower-case letters or digits + _ + 43 base64url characters)");
        }
    }

    /** The limit for {@code key}: its own, else its role's; 0 for none. */
    int rateLimitOf(ApiKey key) {
        return key.rateLimitPerSecond() != null ? key.rateLimitPerSecond() : rateLimits.getOrDefault(key.role(), 0);
    }
}
