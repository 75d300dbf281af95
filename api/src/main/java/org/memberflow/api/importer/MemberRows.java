package org.memberflow.api.importer;

import static org.memberflow.api.importer.CsvValues.required;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code members.csv}: one row per member becomes a {@code REGISTERED} event with the profile, and
 * a {@code POINTS_EARNED} opening balance when {@code points} is above 0.
 */
final class MemberRows implements RowMapper {
    static final List<String> COLUMNS = List.of("member_id", "registered_at", "birthday", "tier", "phone", "time_zone",
            "tags", "points", "points_expire_at");
    static final List<String> REQUIRED = List.of("member_id", "registered_at");

    private final String brand;
    private final ZoneId defaultZone;

    MemberRows(String brand, ZoneId defaultZone) {
        this.brand = brand;
        this.defaultZone = defaultZone;
    }

    @Override
    public List<ImportEvent> events(CsvRow row) throws RowRejectedException {
        String memberId = required(row, "member_id");
        String zoneText = row.get("time_zone");
        // The member's own zone reads their local times; the option's zone when they have none.
        ZoneId zone = zoneText == null ? defaultZone : CsvValues.zone(zoneText, "time_zone");
        Instant registeredAt = CsvValues.instant(required(row, "registered_at"), zone, "registered_at");

        ObjectNode registered = EventJson.event(ImportEventIds.registration(brand, memberId), memberId, brand,
                "REGISTERED", registeredAt);
        ObjectNode profile = registered.putObject("profile");
        if (row.get("birthday") != null) {
            profile.put("birthday", CsvValues.date(row.get("birthday"), "birthday"));
        }
        if (zoneText != null) {
            profile.put("timeZone", zone.getId());
        }
        putIfPresent(profile, "tier", row.get("tier"));
        putIfPresent(profile, "phone", row.get("phone"));
        if (row.get("tags") != null) {
            ArrayNode tags = profile.putArray("tags");
            CsvValues.tags(row.get("tags")).forEach(tags::add);
        }
        List<ImportEvent> events = new ArrayList<>(2);
        events.add(new ImportEvent(registered, Map.of("/memberId", "member_id", "/eventId", "member_id",
                "/occurredAt", "registered_at", "/profile/birthday", "birthday", "/profile/timeZone", "time_zone",
                "/profile/tier", "tier", "/profile/phone", "phone", "/profile/tags", "tags")));

        long points = row.get("points") == null ? 0 : CsvValues.points(row.get("points"), "points");
        Instant expiresAt = row.get("points_expire_at") == null ? null
                : CsvValues.endOfDay(row.get("points_expire_at"), zone, "points_expire_at");
        if (points > 0) {
            String lotId = ImportEventIds.openingPoints(brand, memberId);
            ObjectNode earned = EventJson.event(lotId, memberId, brand, "POINTS_EARNED", registeredAt);
            earned.put("points", points);
            earned.put("lotId", lotId);
            if (expiresAt != null) {
                earned.put("expiresAt", expiresAt.toString());
            }
            events.add(new ImportEvent(earned, Map.of("/memberId", "member_id", "/eventId", "member_id",
                    "/lotId", "member_id", "/occurredAt", "registered_at", "/points", "points",
                    "/expiresAt", "points_expire_at")));
        }
        return events;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
