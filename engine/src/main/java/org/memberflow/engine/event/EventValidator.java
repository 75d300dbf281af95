package org.memberflow.engine.event;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.memberflow.engine.json.IsoInstants;
import org.memberflow.rules.fact.EventType;
import org.memberflow.rules.fact.MemberEvent;
import org.memberflow.rules.fact.Profile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The event contract of DESIGN.md, field by field. Unknown fields are ignored. */
final class EventValidator {
    static final int MAX_ID = 64;
    static final int MAX_ATTRIBUTES_BYTES = 4 * 1024;
    private static final int MAX_TEXT = 64;
    private static final int MAX_TAGS = 32;

    private final JsonMapper mapper;

    EventValidator(JsonMapper mapper) {
        this.mapper = mapper;
    }

    MemberEvent validate(JsonNode node) throws InvalidEventException {
        if (node == null || !node.isObject()) {
            throw new InvalidEventException("", "an event must be a JSON object");
        }
        String eventId = requiredText(node, "eventId", MAX_ID);
        String memberId = requiredText(node, "memberId", MAX_ID);
        EventType type = type(node);
        Instant occurredAt = requiredInstant(node, "occurredAt");
        MemberEvent.Builder b = MemberEvent.builder(eventId, memberId, type, occurredAt)
                .brandId(optionalText(node, "brandId", MAX_ID))
                .attributes(attributes(node));
        switch (type) {
            case PURCHASE, REFUND -> b.orderId(requiredText(node, "orderId", MAX_ID))
                    .amount(amount(node))
                    .storeId(optionalText(node, "storeId", MAX_TEXT))
                    .channel(optionalText(node, "channel", MAX_TEXT));
            case COUPON_REDEEMED -> b.couponId(requiredText(node, "couponId", MAX_ID));
            case POINTS_EARNED -> {
                String lotId = optionalText(node, "lotId", MAX_ID);
                b.points(positivePoints(node))
                        .expiresAt(optionalInstant(node, "expiresAt"))
                        .lotId(lotId == null ? eventId : lotId);
            }
            case POINTS_REDEEMED -> b.points(positivePoints(node));
            case REGISTERED -> b.profile(profile(node, false));
            case PROFILE_UPDATED -> b.profile(profile(node, true));
            case CHECK_IN, BROWSE -> {
                // nothing beyond the common fields
            }
        }
        return b.build();
    }

    private static EventType type(JsonNode node) throws InvalidEventException {
        String type = requiredText(node, "type", MAX_TEXT);
        try {
            return EventType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("/type", "unknown event type '" + type + "'");
        }
    }

    private static BigDecimal amount(JsonNode node) throws InvalidEventException {
        JsonNode value = node.get("amount");
        if (value == null || value.isNull()) {
            throw new InvalidEventException("/amount", "is required");
        }
        if (!value.isNumber()) {
            throw new InvalidEventException("/amount", "must be a number of yuan");
        }
        BigDecimal amount = value.decimalValue();
        if (amount.signum() < 0) {
            throw new InvalidEventException("/amount", "must not be negative");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidEventException("/amount", "has more than 2 decimals");
        }
        return amount.setScale(2);
    }

    private static long positivePoints(JsonNode node) throws InvalidEventException {
        JsonNode value = node.get("points");
        if (value == null || value.isNull()) {
            throw new InvalidEventException("/points", "is required");
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() <= 0) {
            throw new InvalidEventException("/points", "must be a positive whole number");
        }
        return value.longValue();
    }

    private Profile profile(JsonNode node, boolean required) throws InvalidEventException {
        JsonNode p = node.get("profile");
        if (p == null || p.isNull()) {
            if (required) {
                throw new InvalidEventException("/profile", "is required");
            }
            return null;
        }
        if (!p.isObject()) {
            throw new InvalidEventException("/profile", "must be an object");
        }
        String birthday = optionalText(p, "birthday", MAX_TEXT, "/profile/");
        String zone = optionalText(p, "timeZone", MAX_TEXT, "/profile/");
        return new Profile(birthday == null ? null : date(birthday, "/profile/birthday"),
                zone == null ? null : zone(zone),
                optionalText(p, "tier", MAX_TEXT, "/profile/"),
                optionalText(p, "phone", 32, "/profile/"),
                tags(p.get("tags")));
    }

    private static LocalDate date(String text, String field) throws InvalidEventException {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new InvalidEventException(field, "must be a date like 1990-05-20");
        }
    }

    private static ZoneId zone(String text) throws InvalidEventException {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new InvalidEventException("/profile/timeZone", "unknown time zone '" + text + "'");
        }
    }

    private static List<String> tags(JsonNode tags) throws InvalidEventException {
        if (tags == null || tags.isNull()) {
            return List.of();
        }
        if (!tags.isArray() || tags.size() > MAX_TAGS) {
            throw new InvalidEventException("/profile/tags", "must be an array of at most " + MAX_TAGS + " strings");
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            JsonNode tag = tags.get(i);
            if (!tag.isString() || tag.stringValue().isBlank() || tag.stringValue().length() > MAX_TEXT) {
                throw new InvalidEventException("/profile/tags/" + i, "must be a non-blank string of at most "
                        + MAX_TEXT + " characters");
            }
            result.add(tag.stringValue());
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> attributes(JsonNode node) throws InvalidEventException {
        JsonNode a = node.get("attributes");
        if (a == null || a.isNull()) {
            return Map.of();
        }
        if (!a.isObject()) {
            throw new InvalidEventException("/attributes", "must be an object");
        }
        if (mapper.writeValueAsBytes(a).length > MAX_ATTRIBUTES_BYTES) {
            throw new InvalidEventException("/attributes", "must be at most " + MAX_ATTRIBUTES_BYTES + " bytes");
        }
        return mapper.convertValue(a, Map.class);
    }

    private static Instant requiredInstant(JsonNode node, String name) throws InvalidEventException {
        return instant(requiredText(node, name, MAX_TEXT), "/" + name);
    }

    private static Instant optionalInstant(JsonNode node, String name) throws InvalidEventException {
        String text = optionalText(node, name, MAX_TEXT);
        return text == null ? null : instant(text, "/" + name);
    }

    private static Instant instant(String text, String field) throws InvalidEventException {
        try {
            return IsoInstants.parse(text);
        } catch (DateTimeException e) {
            throw new InvalidEventException(field, "must be an ISO-8601 instant like 2026-05-20T08:30:00Z");
        }
    }

    private static String requiredText(JsonNode node, String name, int max) throws InvalidEventException {
        String value = optionalText(node, name, max);
        if (value == null) {
            throw new InvalidEventException("/" + name, "is required");
        }
        return value;
    }

    private static String optionalText(JsonNode node, String name, int max) throws InvalidEventException {
        return optionalText(node, name, max, "/");
    }

    private static String optionalText(JsonNode node, String name, int max, String parent)
            throws InvalidEventException {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        String field = parent + name;
        if (!value.isString()) {
            throw new InvalidEventException(field, "must be a string");
        }
        String text = value.stringValue();
        if (text.isBlank()) {
            throw new InvalidEventException(field, "must not be blank");
        }
        if (text.length() > max) {
            throw new InvalidEventException(field, "must be at most " + max + " characters");
        }
        return text;
    }
}
