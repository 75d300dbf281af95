package org.memberflow.rules.fact;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One thing a member did, as validated from {@code member-events}. The fact a rule sees as
 * {@code MemberEvent(...)}. Fields that the event's type does not carry are null.
 */
public final class MemberEvent {
    public static final String DEFAULT_BRAND = "default";
    /** The attribute that says where an event came from; {@link #IMPORTED} marks history loaded from another system. */
    public static final String SOURCE_ATTRIBUTE = "source";
    /** {@code attributes.source} of the events {@code scripts/import} sends. */
    public static final String IMPORTED = "import";

    private final String eventId;
    private final String memberId;
    private final String brandId;
    private final EventType type;
    private final Instant occurredAt;
    private final String orderId;
    private final BigDecimal amount;
    private final String storeId;
    private final String channel;
    private final String couponId;
    private final Long points;
    private final Instant expiresAt;
    private final String lotId;
    private final Profile profile;
    private final Map<String, Object> attributes;

    private MemberEvent(Builder b) {
        this.eventId = Objects.requireNonNull(b.eventId, "eventId");
        this.memberId = Objects.requireNonNull(b.memberId, "memberId");
        this.brandId = b.brandId == null ? DEFAULT_BRAND : b.brandId;
        this.type = Objects.requireNonNull(b.type, "type");
        this.occurredAt = Objects.requireNonNull(b.occurredAt, "occurredAt");
        this.orderId = b.orderId;
        this.amount = b.amount;
        this.storeId = b.storeId;
        this.channel = b.channel;
        this.couponId = b.couponId;
        this.points = b.points;
        this.expiresAt = b.expiresAt;
        this.lotId = b.lotId;
        this.profile = b.profile;
        // JSON attributes may hold nulls, which Map.copyOf refuses.
        this.attributes = b.attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
    }

    public static Builder builder(String eventId, String memberId, EventType type, Instant occurredAt) {
        Builder b = new Builder();
        b.eventId = eventId;
        b.memberId = memberId;
        b.type = type;
        b.occurredAt = occurredAt;
        return b;
    }

    public String getEventId() {
        return eventId;
    }

    public String getMemberId() {
        return memberId;
    }

    public String getBrandId() {
        return brandId;
    }

    public EventType getType() {
        return type;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getOrderId() {
        return orderId;
    }

    /** In yuan, two decimals; for PURCHASE and REFUND. */
    public BigDecimal getAmount() {
        return amount;
    }

    public String getStoreId() {
        return storeId;
    }

    public String getChannel() {
        return channel;
    }

    public String getCouponId() {
        return couponId;
    }

    public Long getPoints() {
        return points;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public String getLotId() {
        return lotId;
    }

    public Profile getProfile() {
        return profile;
    }

    public Map<String, Object> getAttributes() {
        return attributes;
    }

    /**
     * Whether the event is history loaded from another system ({@code attributes.source} is
     * {@code "import"}, as {@code scripts/import} sends): the member did it long ago, not now, so
     * campaigns that answer what a member just did skip it ({@code MemberEvent( imported == false )}).
     */
    public boolean isImported() {
        return IMPORTED.equals(attributes.get(SOURCE_ATTRIBUTE));
    }

    @Override
    public String toString() {
        return "MemberEvent[" + type + " " + eventId + " member=" + memberId + "]";
    }

    /** Collects the optional fields; the four required ones come through {@link #builder}. */
    public static final class Builder {
        private String eventId;
        private String memberId;
        private String brandId;
        private EventType type;
        private Instant occurredAt;
        private String orderId;
        private BigDecimal amount;
        private String storeId;
        private String channel;
        private String couponId;
        private Long points;
        private Instant expiresAt;
        private String lotId;
        private Profile profile;
        private Map<String, Object> attributes;

        private Builder() {
        }

        public Builder brandId(String v) {
            brandId = v;
            return this;
        }

        public Builder orderId(String v) {
            orderId = v;
            return this;
        }

        public Builder amount(BigDecimal v) {
            amount = v;
            return this;
        }

        public Builder storeId(String v) {
            storeId = v;
            return this;
        }

        public Builder channel(String v) {
            channel = v;
            return this;
        }

        public Builder couponId(String v) {
            couponId = v;
            return this;
        }

        public Builder points(Long v) {
            points = v;
            return this;
        }

        public Builder expiresAt(Instant v) {
            expiresAt = v;
            return this;
        }

        public Builder lotId(String v) {
            lotId = v;
            return this;
        }

        public Builder profile(Profile v) {
            profile = v;
            return this;
        }

        public Builder attributes(Map<String, Object> v) {
            attributes = v;
            return this;
        }

        public MemberEvent build() {
            return new MemberEvent(this);
        }
    }
}
