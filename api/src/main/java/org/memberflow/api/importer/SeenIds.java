package org.memberflow.api.importer;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The ids already met in a file and the line of each, kept as 64-bit hashes so that a file of
 * millions of rows fits in memory (a collision among a million ids has odds of about 1 in 30
 * million, and would only refuse a row, never import one twice).
 */
final class SeenIds {
    private final Map<Long, Long> lineByHash = new HashMap<>();

    /** The line the id was first met on, or -1 if it is new (then it is remembered at {@code line}). */
    long firstLine(String id, long line) {
        Long first = lineByHash.putIfAbsent(hash(id), line);
        return first == null ? -1 : first;
    }

    /** 64-bit FNV-1a, as the engine hashes ids. */
    private static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
