package org.memberflow.api.importer;

/**
 * Event ids made from what a row is, so that the same row always becomes the same events:
 * {@code imp:<brand>:m:<member_id>} for a registration, {@code imp:<brand>:p:<member_id>} for an
 * opening points balance, {@code imp:<brand>:o:<order_id>} for an order and
 * {@code imp:<brand>:r:<order_id>} for its refund. An id the contract's 64 characters cannot hold
 * becomes {@code imp#<kind>:} and 40 hex digits of the SHA-256 of brand and id.
 */
final class ImportEventIds {
    static final int MAX_LENGTH = 64;

    private ImportEventIds() {
    }

    static String registration(String brand, String memberId) {
        return of(brand, 'm', memberId);
    }

    static String openingPoints(String brand, String memberId) {
        return of(brand, 'p', memberId);
    }

    static String order(String brand, String orderId) {
        return of(brand, 'o', orderId);
    }

    static String refund(String brand, String orderId) {
        return of(brand, 'r', orderId);
    }

    private static String of(String brand, char kind, String id) {
        String natural = "imp:" + brand + ":" + kind + ":" + id;
        return natural.length() <= MAX_LENGTH ? natural
                : "imp#" + kind + ":" + FileFingerprint.sha256Of(brand, id).substring(0, 40);
    }
}
