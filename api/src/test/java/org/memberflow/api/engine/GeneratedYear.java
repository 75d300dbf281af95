package org.memberflow.api.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A year of member history from a fixed seed: registrations with profiles and time zones,
 * purchases with a Pareto-like spread per member, full and partial refunds a day or two after
 * their order, check-ins. Plain data: the test computes its expectations from it independently.
 */
final class GeneratedYear {
    static final Instant START = Instant.parse("2025-11-01T00:00:00Z");
    static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("Asia/Shanghai"),
            ZoneId.of("Europe/Paris"), ZoneId.of("America/New_York"), ZoneId.of("Asia/Tokyo"));

    record Event(String memberId, Instant at, String json) {
    }

    record Order(String memberId, String orderId, Instant at, long fen, long refundedFen) {
    }

    record Member(String id, ZoneId zone, List<Order> orders) {
    }

    final List<Member> members = new ArrayList<>();
    final List<Event> events = new ArrayList<>();

    GeneratedYear(String prefix, int count, long seed) {
        Random random = new Random(seed);
        long yearSeconds = Duration.ofDays(365).toSeconds();
        for (int m = 0; m < count; m++) {
            String id = prefix + m;
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            Instant registered = START.plusSeconds(random.nextInt(86_400 * 20));
            LocalDate birthday = LocalDate.of(1960 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28));
            events.add(new Event(id, registered, "{\"eventId\":\"" + id + "-reg\",\"memberId\":\"" + id
                    + "\",\"type\":\"REGISTERED\",\"occurredAt\":\"" + registered + "\",\"profile\":{\"birthday\":\""
                    + birthday + "\",\"timeZone\":\"" + zone.getId() + "\",\"tier\":\"silver\"}}"));
            // Pareto-like: most buy a few times, a few buy very often; a fifth never buy
            int purchases = random.nextInt(5) == 0 ? 0 : (int) Math.min(120, Math.floor(1 / Math.pow(1 - random.nextDouble(), 0.8)));
            List<Order> orders = new ArrayList<>();
            for (int p = 0; p < purchases; p++) {
                Instant at = registered.plusSeconds(60 + (long) (random.nextDouble() * (yearSeconds - 86_400 * 25)));
                long fen = 500 + (long) (Math.exp(random.nextGaussian() * 1.1 + 9.5));
                String orderId = id + "-o" + p;
                long refunded = 0;
                int roll = random.nextInt(100);
                if (roll < 5) {
                    refunded = fen; // a full refund: the order no longer counts
                } else if (roll < 8) {
                    refunded = fen / 2;
                }
                orders.add(new Order(id, orderId, at, fen, refunded));
                events.add(new Event(id, at, "{\"eventId\":\"" + orderId + "\",\"memberId\":\"" + id
                        + "\",\"type\":\"PURCHASE\",\"occurredAt\":\"" + at + "\",\"orderId\":\"" + orderId
                        + "\",\"amount\":" + yuan(fen) + ",\"storeId\":\"s" + random.nextInt(50) + "\"}"));
                if (refunded > 0) {
                    Instant refundAt = at.plusSeconds(3_600 + random.nextInt(86_400));
                    events.add(new Event(id, refundAt, "{\"eventId\":\"" + orderId + "-refund\",\"memberId\":\"" + id
                            + "\",\"type\":\"REFUND\",\"occurredAt\":\"" + refundAt + "\",\"orderId\":\"" + orderId
                            + "\",\"amount\":" + yuan(refunded) + "}"));
                }
            }
            for (int c = random.nextInt(4); c > 0; c--) {
                Instant at = registered.plusSeconds(60 + (long) (random.nextDouble() * (yearSeconds - 86_400 * 25)));
                events.add(new Event(id, at, "{\"eventId\":\"" + id + "-c" + c + "\",\"memberId\":\"" + id
                        + "\",\"type\":\"CHECK_IN\",\"occurredAt\":\"" + at + "\"}"));
            }
            members.add(new Member(id, zone, orders));
        }
        events.sort(Comparator.comparing(Event::at));
    }

    private static String yuan(long fen) {
        return fen / 100 + "." + String.format("%02d", fen % 100);
    }
}
