package org.memberflow.api.security;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Keys that fail to authenticate, counted per client address and minute in Redis (shared by every
 * server): past the limit, a client guessing key ids gets 429 instead of a database look-up per
 * guess. Fails open when Redis is away, as the rate limit does.
 */
@Component
public class FailedAuthLimit {
    static final String PREFIX = "memberflow:authfail:";
    private static final Logger log = LoggerFactory.getLogger(FailedAuthLimit.class);
    private static final RedisScript<Long> COUNT = RedisScript.of("""
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('EXPIRE', KEYS[1], 60) end
            return n""", Long.class);
    private final StringRedisTemplate redis;
    private final int perMinute;

    FailedAuthLimit(StringRedisTemplate redis, KeyProperties props) {
        this.redis = redis;
        this.perMinute = props.failedAuthPerMinute();
    }

    /** Whether {@code client} has failed too often this minute to be looked up again. */
    public boolean blocked(String client) {
        if (perMinute == 0) {
            return false;
        }
        try {
            String count = redis.opsForValue().get(PREFIX + client);
            return count != null && Long.parseLong(count) >= perMinute;
        } catch (DataAccessException e) {
            return false;
        }
    }

    public void failed(String client) {
        if (perMinute == 0) {
            return;
        }
        try {
            Long n = redis.execute(COUNT, List.of(PREFIX + client));
            if (n != null && n == perMinute) {
                log.warn("{} keys failed to authenticate from {} within a minute; it gets 429 for the rest of it", n, client);
            }
        } catch (DataAccessException e) {
            // not counted while Redis is away: the limit guards MySQL, it must not stop the API
        }
    }
}
