package org.memberflow.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.memberflow.api.event.FieldError;
import org.memberflow.api.problem.ConflictException;
import org.memberflow.api.problem.InvalidRequestException;
import org.memberflow.api.problem.NotFoundException;
import org.memberflow.api.problem.StoreOutage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Issues, checks and revokes API keys. */
@Service
public class ApiKeys {
    static final String FIRST_ADMIN_NAME = "first-admin";
    private final ApiKeyMapper mapper;
    private final Clock clock;
    /** Keys by id, as last read (empty: no such key), so that a request costs no MySQL round trip. */
    private final Cache<String, Optional<ApiKey>> recent;
    /**
     * Keys as last read, for an hour: consulted only while MySQL cannot be reached, so that a key
     * this server knows still works through a database outage (requests that need no database go
     * on). No key can be revoked while the database is down either; a key revoked on another
     * server just before the outage stays usable here until the database is back.
     */
    private final Cache<String, Optional<ApiKey>> lastRead;

    ApiKeys(ApiKeyMapper mapper, KeyProperties props) {
        this.mapper = mapper;
        this.clock = Clock.systemUTC();
        this.recent = Caffeine.newBuilder().expireAfterWrite(props.keyCacheFor()).maximumSize(10_000).build();
        this.lastRead = Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1)).maximumSize(10_000).build();
    }

    /** A new key and its whole value, which is shown this once and never stored. */
    public record Issued(ApiKey key, String value) {
    }

    /** The active key {@code presented} is, if any. */
    public Optional<ApiKey> authenticate(String presented) {
        KeyToken token = KeyToken.parse(presented);
        if (token == null) {
            return Optional.empty();
        }
        Optional<ApiKey> key = recent.get(token.id(), this::read);
        return key.filter(k -> k.active() && token.matches(k.secretHash()));
    }

    /**
     * Whether checking {@code presented} would read MySQL: a well-formed key whose id this server
     * has not seen lately (a known key, a known unknown id and a malformed key cost nothing).
     */
    public boolean wouldLookUp(String presented) {
        KeyToken token = KeyToken.parse(presented);
        return token != null && recent.getIfPresent(token.id()) == null;
    }

    /**
     * Whether the key is still active, as this server last read it (a revocation elsewhere shows
     * within {@code memberflow.security.key-cache-for}): for sessions begun with the key.
     */
    public boolean isActive(String id) {
        return recent.get(id, this::read).map(ApiKey::active).orElse(false);
    }

    /** The key from MySQL; while MySQL cannot be reached, as last read (if this server read it). */
    private Optional<ApiKey> read(String id) {
        try {
            Optional<ApiKey> key = Optional.ofNullable(mapper.find(id));
            lastRead.put(id, key);
            return key;
        } catch (RuntimeException e) {
            Optional<ApiKey> known = StoreOutage.is(e) ? lastRead.getIfPresent(id) : null;
            if (known == null) {
                throw e;
            }
            return known;
        }
    }

    public Issued issue(String name, Role role, Integer rateLimitPerSecond) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 64 || name.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("/name", "must be 1 to 64 characters, without control characters"));
        }
        if (role == null) {
            errors.add(new FieldError("/role", "is required: one of INGEST, VIEWER, MARKETER, ADMIN"));
        }
        if (rateLimitPerSecond != null && rateLimitPerSecond < 1) {
            errors.add(new FieldError("/rateLimitPerSecond", "must be 1 or more (leave it out for the role's default)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        KeyToken token = KeyToken.generate();
        ApiKey key = new ApiKey(token.id(), name.strip(), role, rateLimitPerSecond, now(), null, token.secretHash());
        if (mapper.insertIfNameFree(key) == 0) {
            throw new ConflictException("api-key-name-taken", "a key named '" + key.name() + "' exists; names are unique");
        }
        return new Issued(key, token.value());
    }

    /**
     * The first ADMIN key, when the server starts on an empty key table: {@code configured} if
     * given, else a random one. Servers starting together make one: the name is unique.
     */
    Optional<Issued> issueFirstAdmin(String configured) {
        if (mapper.count() > 0) {
            return Optional.empty();
        }
        KeyToken token = configured == null || configured.isBlank() ? KeyToken.generate() : KeyToken.parse(configured);
        ApiKey key = new ApiKey(token.id(), FIRST_ADMIN_NAME, Role.ADMIN, null, now(), null, token.secretHash());
        return mapper.insertIfNameFree(key) == 1 ? Optional.of(new Issued(key, token.value())) : Optional.empty();
    }

    /** Revokes the key; the last active ADMIN key stays, so that someone can still manage keys. */
    @Transactional
    public ApiKey revoke(String id) {
        ApiKey key = get(id);
        if (key.active() && key.role() == Role.ADMIN && mapper.countActive(Role.ADMIN) <= 1) {
            throw new ConflictException("last-admin-key", "this is the last active ADMIN key; issue another first");
        }
        mapper.revoke(id, now());
        recent.invalidate(id);
        lastRead.invalidate(id);
        // and again once committed: a request meanwhile may have cached the key still active
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                recent.invalidate(id);
                lastRead.invalidate(id);
            }
        });
        return get(id);
    }

    public ApiKey get(String id) {
        ApiKey key = mapper.find(id);
        if (key == null) {
            throw new NotFoundException("api-key", "no API key " + id);
        }
        return key;
    }

    public List<ApiKey> page(int offset, int limit) {
        return mapper.page(offset, limit);
    }

    public long count() {
        return mapper.count();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
