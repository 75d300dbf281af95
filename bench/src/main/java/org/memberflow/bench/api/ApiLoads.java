package org.memberflow.bench.api;

import java.util.List;
import java.util.function.LongFunction;

/**
 * The requests of the API bench, built from a sequence number so that every request can differ:
 * the constant JSON document (the baseline), member lookups and purchase events, spread over
 * the members registered before the loads.
 */
final class ApiLoads {
    /** Every member id is this and a number. */
    static final String MEMBER_PREFIX = "api-m";

    /** One measured load: its name, the status it expects, its requests, and the same for wrk. */
    record Load(String name, int expectedStatus, LongFunction<HttpLoad.Request> requests, WrkLoad.Kind kind) {
    }

    private final int members;

    ApiLoads(int members) {
        this.members = members;
    }

    static String memberId(int m) {
        return MEMBER_PREFIX + m;
    }

    /**
     * Seconds of a load run unmeasured just before it is measured, so that the JIT has compiled
     * its own path: after 30 s of mixed load, a server started by scripts/run still answered the
     * constant document faster every 10 s for a minute more (2,066, 2,307, 2,877, 3,777, 4,940
     * requests/s under wrk), the compiler taking a seventh of the CPU of the measured window.
     */
    static double settleSeconds(double measuredSeconds) {
        return Math.min(10, measuredSeconds);
    }

    /** The measured loads, in the order they run. */
    List<Load> measured() {
        return List.of(new Load("constant JSON (GET /api/v1)", 200, this::constantJson, WrkLoad.Kind.CONSTANT),
                new Load("member lookup (GET /api/v1/members/{id})", 200, this::lookup, WrkLoad.Kind.LOOKUP),
                new Load("event ingestion (POST /api/v1/events)", 202, this::purchase, WrkLoad.Kind.PURCHASE));
    }

    /** All three at once, for warming the server's JIT; event ids apart from the measured ones. */
    Load warmUp() {
        return new Load("warm-up", -1, i -> switch ((int) (i % 3)) {
            case 0 -> constantJson(i);
            case 1 -> lookup(i);
            default -> purchase(i + (1L << 40));
        }, WrkLoad.Kind.MIXED);
    }

    private HttpLoad.Request constantJson(long i) {
        return HttpLoad.Request.get("/api/v1");
    }

    private HttpLoad.Request lookup(long i) {
        return HttpLoad.Request.get("/api/v1/members/" + memberId(member(i)));
    }

    private HttpLoad.Request purchase(long i) {
        return HttpLoad.Request.postJson("/api/v1/events", "{\"eventId\":\"api-e" + i + "\",\"memberId\":\""
                + memberId(member(i)) + "\",\"type\":\"PURCHASE\",\"occurredAt\":\"2026-11-01T10:00:00Z\",\"orderId\":\"api-o"
                + i + "\",\"amount\":128.00,\"storeId\":\"s1\",\"channel\":\"pos\"}");
    }

    private int member(long i) {
        return Math.floorMod(i * 0x9E3779B97F4A7C15L >>> 1, members);
    }
}
