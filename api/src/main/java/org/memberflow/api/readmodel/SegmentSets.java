package org.memberflow.api.readmodel;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.memberflow.engine.segment.SegmentChange;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The segments in Redis: one set of member ids per brand and segment
 * ({@code memberflow:segment:<brand>:<segment>}), for audiences and counts (SCARD) without SQL.
 */
@Component
class SegmentSets {
    static final String PREFIX = "memberflow:segment:";
    private final StringRedisTemplate redis;

    SegmentSets(RedisConnectionFactory connections) {
        this.redis = new StringRedisTemplate(connections);
    }

    static String key(String brandId, String segment) {
        return PREFIX + brandId + ":" + segment;
    }

    /** Moves each member out of the segments they left and into those they are in, pipelined. */
    void apply(Collection<SegmentChange> changes) {
        redis.executePipelined((RedisCallback<Object>) connection -> {
            for (SegmentChange c : changes) {
                byte[] member = c.memberId().getBytes(StandardCharsets.UTF_8);
                for (String left : c.previousSegments()) {
                    if (!c.segments().contains(left)) {
                        connection.setCommands().sRem(bytes(key(c.brandId(), left)), member);
                    }
                }
                for (String in : c.segments()) {
                    connection.setCommands().sAdd(bytes(key(c.brandId(), in)), member);
                }
            }
            return null;
        });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
