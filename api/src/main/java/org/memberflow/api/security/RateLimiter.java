package org.memberflow.api.security;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Requests a second per key, counted in Redis so that every server of a cluster shares the count:
 * one counter per key and second ({@code memberflow:rate:<keyId>:<epoch second>}), made and
 * counted by one script, gone two seconds later. The second is Redis's own (TIME), so servers
 * whose clocks disagree still count in the same window. When Redis cannot be reached the request is let
 * through (and counted in {@code memberflow.ratelimit.unchecked}): a limit guards the servers, and
 * refusing every request while Redis is away would do the harm it guards against.
 */
@Component
public class RateLimiter {
    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    private static final RedisScript<Long> COUNT = RedisScript.of("""
            local key = KEYS[1] .. ':' .. redis.call('TIME')[1]
            local n = redis.call('INCR', key)
            if n == 1 then redis.call('PEXPIRE', key, 2000) end
            return n""", Long.class);
    private final StringRedisTemplate redis;
    private final KeyProperties props;
    private final Counter unchecked;
    private final AtomicLong lastWarning = new AtomicLong();

    RateLimiter(StringRedisTemplate redis, KeyProperties props, MeterRegistry meters) {
        this.redis = redis;
        this.props = props;
        this.unchecked = meters.counter("memberflow.ratelimit.unchecked");
    }

    /** What the limit said about one request: its limit (0: none), what is left, and whether it may go. */
    public record Decision(int limit, long remaining, boolean allowed) {
    }

    public Decision check(ApiKey key) {
        int limit = props.rateLimitOf(key);
        if (limit == 0) {
            return new Decision(0, 0, true);
        }
        Long count;
        try {
            count = redis.execute(COUNT, List.of("memberflow:rate:" + key.id()));
        } catch (DataAccessException e) {
            unchecked.increment();
            long now = System.currentTimeMillis();
            long last = lastWarning.get();
            if (now - last > 60_000 && lastWarning.compareAndSet(last, now)) {
                log.warn("rate limits not checked: Redis is unavailable ({})", e.getMostSpecificCause().getMessage());
            }
            return new Decision(limit, limit, true);
        }
        long n = count == null ? 0 : count;
        return new Decision(limit, Math.max(0, limit - n), n <= limit);
    }
}
