package org.memberflow.api.importer;

import static org.memberflow.api.importer.CsvValues.required;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code orders.csv}: one row per order becomes a {@code PURCHASE}, and a {@code REFUND} of the
 * same order when {@code refunded_amount} is above 0 (a full refund un-counts the order in RFM).
 */
final class OrderRows implements RowMapper {
    static final List<String> COLUMNS = List.of("order_id", "member_id", "occurred_at", "amount", "store_id", "channel",
            "refunded_amount", "refunded_at");
    static final List<String> REQUIRED = List.of("order_id", "member_id", "occurred_at", "amount");
    private static final Map<String, String> PURCHASE_COLUMNS = Map.of("/memberId", "member_id", "/eventId", "order_id",
            "/orderId", "order_id", "/occurredAt", "occurred_at", "/amount", "amount", "/storeId", "store_id",
            "/channel", "channel");
    private static final Map<String, String> REFUND_COLUMNS = Map.of("/memberId", "member_id", "/eventId", "order_id",
            "/orderId", "order_id", "/occurredAt", "refunded_at", "/amount", "refunded_amount", "/storeId", "store_id",
            "/channel", "channel");

    private final String brand;
    private final ZoneId zone;

    OrderRows(String brand, ZoneId zone) {
        this.brand = brand;
        this.zone = zone;
    }

    @Override
    public List<ImportEvent> events(CsvRow row) throws RowRejectedException {
        String orderId = required(row, "order_id");
        String memberId = required(row, "member_id");
        Instant occurredAt = CsvValues.instant(required(row, "occurred_at"), zone, "occurred_at");
        BigDecimal amount = CsvValues.yuan(required(row, "amount"), "amount");

        List<ImportEvent> events = new ArrayList<>(2);
        events.add(new ImportEvent(order(ImportEventIds.order(brand, orderId), "PURCHASE", row, orderId, memberId,
                occurredAt, amount), PURCHASE_COLUMNS));

        BigDecimal refunded = row.get("refunded_amount") == null ? BigDecimal.ZERO
                : CsvValues.yuan(row.get("refunded_amount"), "refunded_amount");
        if (refunded.signum() == 0) {
            if (row.get("refunded_at") != null) {
                throw new RowRejectedException("refunded_at", "is given without a refunded_amount");
            }
            return events;
        }
        if (refunded.compareTo(amount) > 0) {
            throw new RowRejectedException("refunded_amount", refunded.toPlainString() + " is more than the amount "
                    + amount.toPlainString());
        }
        Instant refundedAt = row.get("refunded_at") == null ? occurredAt
                : CsvValues.instant(row.get("refunded_at"), zone, "refunded_at");
        if (refundedAt.isBefore(occurredAt)) {
            throw new RowRejectedException("refunded_at", "is before occurred_at");
        }
        events.add(new ImportEvent(order(ImportEventIds.refund(brand, orderId), "REFUND", row, orderId, memberId,
                refundedAt, refunded), REFUND_COLUMNS));
        return events;
    }

    private ObjectNode order(String eventId, String type, CsvRow row, String orderId, String memberId, Instant at,
            BigDecimal amount) {
        ObjectNode node = EventJson.event(eventId, memberId, brand, type, at);
        node.put("orderId", orderId);
        node.put("amount", amount);
        if (row.get("store_id") != null) {
            node.put("storeId", row.get("store_id"));
        }
        if (row.get("channel") != null) {
            node.put("channel", row.get("channel"));
        }
        return node;
    }
}
