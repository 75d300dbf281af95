package org.memberflow.api.idempotency;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.stereotype.Component;

/**
 * Idempotency keys in Redis: a hash per (API key, Idempotency-Key) holding the request's
 * fingerprint and, once answered, the answer. A request in progress is held for {@link #RUNNING}
 * (so a server that died mid-request does not block the key for a day); an answer for {@link #KEPT}.
 */
@Component
class IdempotencyStore {
    static final Duration RUNNING = Duration.ofMinutes(5);
    static final Duration KEPT = Duration.ofHours(24);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> CLAIM = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 1 then
              return redis.call('HMGET', KEYS[1], 'fp', 'state', 'status', 'type', 'location', 'body')
            end
            redis.call('HSET', KEYS[1], 'fp', ARGV[1], 'state', 'running')
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return {}""", List.class);
    // A claim that expired while its request ran (RUNNING) is taken again: the answer is worth keeping.
    private static final RedisScript<Long> COMPLETE = RedisScript.of("""
            local fp = redis.call('HGET', KEYS[1], 'fp')
            if fp and fp ~= ARGV[1] then return 0 end
            redis.call('HSET', KEYS[1], 'fp', ARGV[1], 'state', 'done', 'status', ARGV[2], 'type', ARGV[3], 'location', ARGV[4], 'body', ARGV[5])
            redis.call('PEXPIRE', KEYS[1], ARGV[6])
            return 1""", Long.class);
    private static final RedisScript<Long> RELEASE = RedisScript.of("""
            if redis.call('HGET', KEYS[1], 'fp') == ARGV[1] and redis.call('HGET', KEYS[1], 'state') == 'running' then
              return redis.call('DEL', KEYS[1])
            end
            return 0""", Long.class);
    private final RedisTemplate<String, byte[]> redis = new RedisTemplate<>();

    IdempotencyStore(RedisConnectionFactory connections) {
        redis.setConnectionFactory(connections);
        redis.setKeySerializer(RedisSerializer.string());
        redis.setValueSerializer(RedisSerializer.byteArray());
        redis.afterPropertiesSet();
    }

    /** What is known of a key: nothing (now claimed by the caller), a request in progress, or its answer. */
    sealed interface Claim permits Claimed, InProgress, Answered, Mismatch {
    }

    record Claimed() implements Claim {
    }

    record InProgress() implements Claim {
    }

    record Answered(StoredResponse response) implements Claim {
    }

    /** The key was used for a different request. */
    record Mismatch() implements Claim {
    }

    @SuppressWarnings("unchecked")
    Claim claim(String key, String fingerprint) {
        List<byte[]> found = (List<byte[]>) redis.execute(CLAIM, List.of(key),
                bytes(fingerprint), bytes(Long.toString(RUNNING.toMillis())));
        if (found == null || found.isEmpty()) {
            return new Claimed();
        }
        if (!fingerprint.equals(string(found.get(0)))) {
            return new Mismatch();
        }
        if (!"done".equals(string(found.get(1)))) {
            return new InProgress();
        }
        String type = string(found.get(3));
        String location = string(found.get(4));
        return new Answered(new StoredResponse(Integer.parseInt(string(found.get(2))), type.isEmpty() ? null : type,
                location.isEmpty() ? null : location, found.get(5) == null ? new byte[0] : found.get(5)));
    }

    /** Keeps the answer; false when the key now belongs to another request (this one outran its claim). */
    boolean complete(String key, String fingerprint, StoredResponse response) {
        return Long.valueOf(1).equals(redis.execute(COMPLETE, List.of(key), bytes(fingerprint),
                bytes(Integer.toString(response.status())), bytes(nullToEmpty(response.contentType())),
                bytes(nullToEmpty(response.location())), response.body(), bytes(Long.toString(KEPT.toMillis()))));
    }

    /** Forgets a request that ended without an answer worth keeping, so that it can be sent again. */
    void release(String key, String fingerprint) {
        redis.execute(RELEASE, List.of(key), bytes(fingerprint));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String string(byte[] b) {
        return b == null ? "" : new String(b, StandardCharsets.UTF_8);
    }
}
