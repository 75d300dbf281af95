package org.memberflow.api.member;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.stereotype.Component;

/**
 * The serving copy of every member's latest snapshot in Redis: one key per member holding the
 * snapshot's JSON as the engine wrote it, so a lookup is one GET and no parsing.
 */
@Component
class MemberCache {
    static final String PREFIX = "memberflow:member:";
    private final RedisTemplate<String, byte[]> redis = new RedisTemplate<>();

    MemberCache(RedisConnectionFactory connections) {
        redis.setConnectionFactory(connections);
        redis.setKeySerializer(RedisSerializer.string());
        redis.setValueSerializer(RedisSerializer.byteArray());
        redis.afterPropertiesSet();
    }

    /** The member's snapshot JSON, or null when the engine has not seen the member. */
    byte[] snapshot(String memberId) {
        return redis.opsForValue().get(PREFIX + memberId);
    }

    /** Writes the latest snapshot of each member in one pipelined round trip. */
    void putAll(Map<String, byte[]> snapshotsByMember) {
        if (snapshotsByMember.isEmpty()) {
            return;
        }
        redis.executePipelined((RedisCallback<Object>) connection -> {
            snapshotsByMember.forEach((member, json) ->
                    connection.stringCommands().set((PREFIX + member).getBytes(StandardCharsets.UTF_8), json));
            return null;
        });
    }
}
