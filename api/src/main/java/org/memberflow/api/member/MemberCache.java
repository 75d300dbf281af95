package org.memberflow.api.member;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.memberflow.engine.segment.MemberSnapshot;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.stereotype.Component;

/**
 * The serving copy of every member's latest snapshot in Redis: a hash per member,
 * {@code memberflow:member:<id>}, whose field {@code snapshot} holds the snapshot's JSON as the
 * engine wrote it (a lookup is one HGET and no parsing), beside the fields other systems target
 * by: {@code brandId}, {@code rfmClass}, {@code tier}, {@code pointsBalance}, {@code updatedAt}.
 */
@Component
public class MemberCache {
    static final String PREFIX = "memberflow:member:";
    static final byte[] SNAPSHOT = bytes("snapshot");
    static final String PHONE = "phoneMasked";
    /** Sets the masked phone of a member's hash; a key of the older string layout is left alone. */
    private static final byte[] SET_PHONE = bytes("""
            local t = redis.call('TYPE', KEYS[1]).ok
            if t == 'hash' or t == 'none' then redis.call('HSET', KEYS[1], 'phoneMasked', ARGV[1]) end
            return 1""");
    /** Replaces the hash in one step: a key left from an older layout (a plain string) goes first. */
    private static final byte[] REPLACE = bytes("""
            if redis.call('TYPE', KEYS[1]).ok ~= 'hash' then redis.call('DEL', KEYS[1]) end
            redis.call('HSET', KEYS[1], unpack(ARGV))
            return 1""");
    private final RedisTemplate<String, byte[]> redis = new RedisTemplate<>();

    MemberCache(RedisConnectionFactory connections) {
        redis.setConnectionFactory(connections);
        redis.setKeySerializer(RedisSerializer.string());
        redis.setValueSerializer(RedisSerializer.byteArray());
        redis.setHashKeySerializer(RedisSerializer.string());
        redis.setHashValueSerializer(RedisSerializer.byteArray());
        redis.afterPropertiesSet();
    }

    /**
     * The member's snapshot JSON, with their masked phone number as {@code phone} when one is
     * known, or null when the engine has not seen the member.
     */
    public byte[] snapshot(String memberId) {
        try {
            List<byte[]> fields = redis.<String, byte[]>opsForHash().multiGet(PREFIX + memberId, List.of("snapshot", PHONE));
            return withPhone(fields.get(0), fields.get(1));
        } catch (InvalidDataAccessApiUsageException | RedisSystemException e) {
            if (String.valueOf(e.getMostSpecificCause().getMessage()).startsWith("WRONGTYPE")) {
                return redis.opsForValue().get(PREFIX + memberId); // the layout before hashes, until rewritten
            }
            throw e;
        }
    }

    /** The snapshot's JSON object with {@code "phone":"<masked>"} added at its end (no parsing). */
    private static byte[] withPhone(byte[] snapshot, byte[] maskedPhone) {
        if (snapshot == null || maskedPhone == null || snapshot.length < 2 || snapshot[snapshot.length - 1] != '}') {
            return snapshot;
        }
        byte[] field = bytes((snapshot.length > 2 ? "," : "") + "\"phone\":\"" + new String(maskedPhone, StandardCharsets.UTF_8)
                .replace("\\", "").replace("\"", "") + "\"}");
        byte[] out = Arrays.copyOf(snapshot, snapshot.length - 1 + field.length);
        System.arraycopy(field, 0, out, snapshot.length - 1, field.length);
        return out;
    }

    /** Sets each member's masked phone number, pipelined. */
    public void putMaskedPhones(Map<String, String> maskedByMember) {
        redis.executePipelined((RedisCallback<Object>) connection -> {
            maskedByMember.forEach((member, masked) -> connection.scriptingCommands().eval(SET_PHONE, ReturnType.INTEGER, 1,
                    bytes(PREFIX + member), bytes(masked)));
            return null;
        });
    }

    /** A snapshot as read from member-snapshots: the record and its JSON. */
    record Entry(MemberSnapshot snapshot, byte[] json) {
    }

    /** Writes the latest snapshot of each member in one pipelined round trip. */
    void putAll(Map<String, Entry> latestByMember) {
        if (latestByMember.isEmpty()) {
            return;
        }
        redis.executePipelined((RedisCallback<Object>) connection -> {
            latestByMember.forEach((member, entry) -> connection.scriptingCommands().eval(REPLACE, ReturnType.INTEGER, 1,
                    keyAndFields(member, entry)));
            return null;
        });
    }

    private static byte[][] keyAndFields(String member, Entry entry) {
        MemberSnapshot s = entry.snapshot();
        List<byte[]> args = new ArrayList<>(11);
        args.add(bytes(PREFIX + member));
        args.add(SNAPSHOT);
        args.add(entry.json());
        field(args, "brandId", s.brandId());
        field(args, "rfmClass", s.rfmClass());
        field(args, "tier", s.tier() == null ? "" : s.tier());
        field(args, "pointsBalance", Long.toString(s.pointsBalance()));
        field(args, "updatedAt", s.updatedAt() == null ? "" : s.updatedAt().toString());
        return args.toArray(byte[][]::new);
    }

    private static void field(List<byte[]> args, String name, String value) {
        args.add(bytes(name));
        args.add(bytes(value == null ? "" : value));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
