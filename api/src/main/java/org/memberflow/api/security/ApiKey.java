package org.memberflow.api.security;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * An API key as stored: never its secret, only the secret's SHA-256.
 *
 * @param id                 the public part of the key ({@code mfk_<id>_...})
 * @param rateLimitPerSecond requests a second this key may send; null: its role's default
 */
public record ApiKey(String id, String name, Role role, Integer rateLimitPerSecond, Instant createdAt,
        Instant revokedAt, @JsonIgnore byte[] secretHash) {

    public boolean active() {
        return revokedAt == null;
    }
}
