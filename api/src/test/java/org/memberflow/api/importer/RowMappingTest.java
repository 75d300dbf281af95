package org.memberflow.api.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.memberflow.engine.event.EventReader;
import org.memberflow.rules.fact.EventType;
import org.memberflow.rules.fact.MemberEvent;

/** A row of members.csv or orders.csv becomes the events it stands for, judged by the event contract. */
class RowMappingTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static CsvRow row(String... columnsAndValues) {
        Map<String, String> values = new HashMap<>();
        List<String> raw = new ArrayList<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            if (!columnsAndValues[i + 1].isEmpty()) {
                values.put(columnsAndValues[i], columnsAndValues[i + 1]);
            }
            raw.add(columnsAndValues[i + 1]);
        }
        return new CsvRow(7, values, raw, null);
    }

    /** The events as the engine reads them. */
    private static List<MemberEvent> read(List<ImportEvent> events) throws Exception {
        EventReader reader = new EventReader();
        List<MemberEvent> read = new ArrayList<>();
        for (ImportEvent e : events) {
            read.add(reader.read(reader.write(e.json())));
        }
        return read;
    }

    private static List<ImportEvent> members(CsvRow row) throws RowRejectedException {
        return new RowChecker(new MemberRows("chayu", SHANGHAI), "member_id").check(row);
    }

    private static List<ImportEvent> orders(CsvRow row) throws RowRejectedException {
        return new RowChecker(new OrderRows("chayu", SHANGHAI), "order_id").check(row);
    }

    @Test
    void shouldMakeAMemberRowARegistrationWithTheProfileAndAnOpeningBalanceMarkedAsImported() throws Exception {
        List<MemberEvent> events = read(members(row("member_id", "CY20190001", "registered_at", "2019-03-08 10:15:00",
                "birthday", "1988/5/20", "tier", "platinum", "phone", "13800138001", "time_zone", "Asia/Shanghai",
                "tags", "老客| 咖啡 |", "points", "3200", "points_expire_at", "2026-12-31")));

        assertThat(events).hasSize(2);
        MemberEvent registered = events.get(0);
        assertThat(registered.getEventId()).isEqualTo("imp:chayu:m:CY20190001");
        assertThat(registered.getType()).isEqualTo(EventType.REGISTERED);
        assertThat(registered.getBrandId()).isEqualTo("chayu");
        assertThat(registered.getOccurredAt()).hasToString("2019-03-08T02:15:00Z"); // 10:15 in Shanghai
        assertThat(registered.getProfile().getBirthday()).hasToString("1988-05-20");
        assertThat(registered.getProfile().getTier()).isEqualTo("platinum");
        assertThat(registered.getProfile().getPhone()).isEqualTo("13800138001");
        assertThat(registered.getProfile().getTags()).containsExactly("老客", "咖啡");
        assertThat(registered.isImported()).isTrue();

        MemberEvent opening = events.get(1);
        assertThat(opening.getEventId()).isEqualTo("imp:chayu:p:CY20190001");
        assertThat(opening.getType()).isEqualTo(EventType.POINTS_EARNED);
        assertThat(opening.getPoints()).isEqualTo(3200L);
        assertThat(opening.getLotId()).isEqualTo("imp:chayu:p:CY20190001");
        // the points last through 31 December in Shanghai
        assertThat(opening.getExpiresAt()).hasToString("2026-12-31T16:00:00Z");
        assertThat(opening.isImported()).isTrue();
    }

    @Test
    void shouldReadLocalTimesInTheMembersOwnZoneAndSendNoOpeningBalanceWithoutPoints() throws Exception {
        List<MemberEvent> events = read(members(row("member_id", "CY20210005", "registered_at", "2021-05-01 15:45:10",
                "time_zone", "America/New_York", "points", "0")));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.getOccurredAt()).hasToString("2021-05-01T19:45:10Z");
            assertThat(e.getProfile().getTimeZone()).isEqualTo(ZoneId.of("America/New_York"));
        });
    }

    @Test
    void shouldTakeTimesWithAnOffsetAsTheyAreAndDatesAsTheStartOfTheDay() throws Exception {
        assertThat(CsvValues.instant("2024-03-08T14:30:00+08:00", ZoneId.of("UTC"), "c")).hasToString("2024-03-08T06:30:00Z");
        assertThat(CsvValues.instant("2024-03-08 06:30:00Z", SHANGHAI, "c")).hasToString("2024-03-08T06:30:00Z");
        assertThat(CsvValues.instant("2024/3/8 14:30", SHANGHAI, "c")).hasToString("2024-03-08T06:30:00Z");
        assertThat(CsvValues.instant("2024-03-08T14:30:00.5", SHANGHAI, "c")).hasToString("2024-03-08T06:30:00.500Z");
        assertThat(CsvValues.instant("2024-03-08", SHANGHAI, "c")).hasToString("2024-03-07T16:00:00Z");
        assertThatThrownBy(() -> CsvValues.instant("08/03/2024", SHANGHAI, "occurred_at"))
                .isInstanceOf(RowRejectedException.class).hasMessageContaining("occurred_at: '08/03/2024' is not a date");
    }

    @Test
    void shouldMakeAnOrderAPurchaseAndItsRefundARefundOfTheSameOrder() throws Exception {
        List<MemberEvent> events = read(orders(row("order_id", "SO202511110008", "member_id", "CY20240009",
                "occurred_at", "2025-11-11 00:12:45", "amount", "199", "store_id", "", "channel", "tmall",
                "refunded_amount", "199.00", "refunded_at", "2025-11-13 09:30:00")));

        assertThat(events).extracting(MemberEvent::getEventId)
                .containsExactly("imp:chayu:o:SO202511110008", "imp:chayu:r:SO202511110008");
        assertThat(events.get(0).getType()).isEqualTo(EventType.PURCHASE);
        assertThat(events.get(0).getAmount()).isEqualByComparingTo("199.00");
        assertThat(events.get(0).getOccurredAt()).hasToString("2025-11-10T16:12:45Z");
        assertThat(events.get(0).getChannel()).isEqualTo("tmall");
        assertThat(events.get(0).getStoreId()).isNull();
        assertThat(events.get(1).getType()).isEqualTo(EventType.REFUND);
        assertThat(events.get(1).getOrderId()).isEqualTo("SO202511110008");
        assertThat(events.get(1).getOccurredAt()).hasToString("2025-11-13T01:30:00Z");
        assertThat(events).allSatisfy(e -> assertThat(e.isImported()).isTrue());
    }

    @Test
    void shouldNameTheColumnOfEveryValueTheFileOrTheContractRefuses() {
        assertRejected(() -> orders(row("order_id", "o-1", "member_id", "m-1", "occurred_at", "2026-01-01", "amount",
                "¥88.00")), "amount", "'¥88.00' is not an amount of yuan: write a plain number like 1288.00 (no ¥, 元 or"
                + " thousands separators)");
        assertRejected(() -> orders(row("order_id", "o-1", "member_id", "m-1", "occurred_at", "2026-01-01", "amount",
                "88.505")), "amount", "has more than 2 decimals");
        assertRejected(() -> orders(row("order_id", "o-1", "member_id", "m-1", "occurred_at", "2026-01-01", "amount",
                "-5")), "amount", "must not be negative");
        assertRejected(() -> orders(row("order_id", "o-1", "member_id", "m-1", "occurred_at", "2026-01-01", "amount",
                "10", "refunded_amount", "12")), "refunded_amount", "12 is more than the amount 10");
        assertRejected(() -> orders(row("order_id", "o-1", "member_id", "m".repeat(65), "occurred_at", "2026-01-01",
                "amount", "10")), "member_id", "must be at most 64 characters");
        assertRejected(() -> members(row("member_id", "m-1", "registered_at", "2024-01-01", "birthday", "1990-13-01")),
                "birthday", "'1990-13-01' is not a real date (Invalid value for MonthOfYear (valid values 1 - 12): 13)");
        assertRejected(() -> members(row("member_id", "m-1", "registered_at", "2024-01-01", "time_zone", "Asia/Beijing")),
                "time_zone", "unknown time zone 'Asia/Beijing' (write an IANA zone such as Asia/Shanghai)");
        assertRejected(() -> members(row("member_id", "m-1", "registered_at", "2024-01-01", "phone", "1".repeat(33))),
                "phone", "must be at most 32 characters");
        assertRejected(() -> members(row("member_id", "m-1", "registered_at", "2024-01-01",
                "tags", String.join("|", java.util.Collections.nCopies(33, "t")))), "tags",
                "must be an array of at most 32 strings");
        assertRejected(() -> members(row("member_id", "m-1", "registered_at", "")), "registered_at", "is required");
        assertRejected(() -> members(new CsvRow(3, Map.of(), List.of("x"), "has 1 field(s), the header 2")), "",
                "has 1 field(s), the header 2");
    }

    @Test
    void shouldRefuseAnIdMetBeforeNamingItsFirstLine() throws Exception {
        RowChecker checker = new RowChecker(new OrderRows("chayu", SHANGHAI), "order_id");
        checker.check(new CsvRow(2, Map.of("order_id", "o-1", "member_id", "m-1", "occurred_at", "2026-01-01",
                "amount", "10"), List.of(), null));
        assertThatThrownBy(() -> checker.check(new CsvRow(9, Map.of("order_id", "o-1", "member_id", "m-2",
                "occurred_at", "2026-01-02", "amount", "12"), List.of(), null)))
                .isInstanceOfSatisfying(RowRejectedException.class, e -> {
                    assertThat(e.column()).isEqualTo("order_id");
                    assertThat(e.reason()).isEqualTo("'o-1' appears again (first on line 2)");
                });
    }

    @Test
    void shouldHashIdsTheContractsSixtyFourCharactersCannotHold() {
        String longOrder = "TMALL-" + "9".repeat(60);
        String id = ImportEventIds.order("chayu", longOrder);

        assertThat(id).startsWith("imp#o:").hasSize(46).isEqualTo(ImportEventIds.order("chayu", longOrder))
                .isNotEqualTo(ImportEventIds.order("other", longOrder)).isNotEqualTo(ImportEventIds.refund("chayu", longOrder));
        assertThat(ImportEventIds.order("chayu", "SO1")).isEqualTo("imp:chayu:o:SO1");
    }

    private interface Mapping {
        List<ImportEvent> run() throws RowRejectedException;
    }

    private static void assertRejected(Mapping mapping, String column, String reason) {
        assertThatThrownBy(mapping::run).isInstanceOfSatisfying(RowRejectedException.class, e -> {
            assertThat(e.column()).as(reason).isEqualTo(column);
            assertThat(e.reason()).isEqualTo(reason);
        });
    }
}
