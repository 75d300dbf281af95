package org.memberflow.engine.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.memberflow.rules.fact.EventType;
import org.memberflow.rules.fact.MemberEvent;

class EventReaderTest {
    private final EventReader reader = new EventReader();

    private MemberEvent read(String json) throws InvalidEventException {
        return reader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadAPurchaseWithEveryField() throws Exception {
        MemberEvent e = read("""
                {"eventId":"e1","memberId":"m1","type":"PURCHASE","occurredAt":"2026-05-20T08:30:00Z",
                 "orderId":"o1","amount":128.5,"storeId":"s1","channel":"pos","attributes":{"sku":"A"}}""");

        assertThat(e.getType()).isEqualTo(EventType.PURCHASE);
        assertThat(e.getBrandId()).isEqualTo("default");
        assertThat(e.getOccurredAt()).isEqualTo(Instant.parse("2026-05-20T08:30:00Z"));
        assertThat(e.getAmount()).isEqualTo(new BigDecimal("128.50"));
        assertThat(e.getAttributes()).containsEntry("sku", "A");
    }

    @Test
    void shouldReadARegistrationWithProfile() throws Exception {
        MemberEvent e = read("""
                {"eventId":"e1","memberId":"m1","type":"REGISTERED","occurredAt":"2026-05-20T08:30:00Z",
                 "brandId":"b1","profile":{"birthday":"1992-02-29","timeZone":"Europe/Paris","tier":"gold",
                 "phone":"13800000000","tags":["vip"]}}""");

        assertThat(e.getBrandId()).isEqualTo("b1");
        assertThat(e.getProfile().getBirthday()).isEqualTo(LocalDate.of(1992, 2, 29));
        assertThat(e.getProfile().getTimeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(e.getProfile().getTags()).containsExactly("vip");
    }

    @Test
    void shouldDefaultThePointsLotToTheEventId() throws Exception {
        MemberEvent e = read("""
                {"eventId":"e9","memberId":"m1","type":"POINTS_EARNED","occurredAt":"2026-05-20T08:30:00Z","points":200}""");
        assertThat(e.getLotId()).isEqualTo("e9");
        assertThat(e.getPoints()).isEqualTo(200L);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{}|/eventId",
        "{'eventId':'e','memberId':'m','type':'TELEPORT','occurredAt':'2026-01-01T00:00:00Z'}|/type",
        "{'eventId':'e','memberId':'m','type':'CHECK_IN','occurredAt':'yesterday'}|/occurredAt",
        "{'eventId':'e','memberId':'m','type':'CHECK_IN'}|/occurredAt",
        "{'eventId':7,'memberId':'m','type':'CHECK_IN','occurredAt':'2026-01-01T00:00:00Z'}|/eventId",
        "{'eventId':'e','memberId':'','type':'CHECK_IN','occurredAt':'2026-01-01T00:00:00Z'}|/memberId",
        "{'eventId':'e','memberId':'m','type':'PURCHASE','occurredAt':'2026-01-01T00:00:00Z','orderId':'o'}|/amount",
        "{'eventId':'e','memberId':'m','type':'PURCHASE','occurredAt':'2026-01-01T00:00:00Z','orderId':'o','amount':-1}|/amount",
        "{'eventId':'e','memberId':'m','type':'PURCHASE','occurredAt':'2026-01-01T00:00:00Z','orderId':'o','amount':1.005}|/amount",
        "{'eventId':'e','memberId':'m','type':'PURCHASE','occurredAt':'2026-01-01T00:00:00Z','orderId':'o','amount':'12'}|/amount",
        "{'eventId':'e','memberId':'m','type':'REFUND','occurredAt':'2026-01-01T00:00:00Z','amount':1}|/orderId",
        "{'eventId':'e','memberId':'m','type':'COUPON_REDEEMED','occurredAt':'2026-01-01T00:00:00Z'}|/couponId",
        "{'eventId':'e','memberId':'m','type':'POINTS_EARNED','occurredAt':'2026-01-01T00:00:00Z','points':0}|/points",
        "{'eventId':'e','memberId':'m','type':'POINTS_REDEEMED','occurredAt':'2026-01-01T00:00:00Z','points':1.5}|/points",
        "{'eventId':'e','memberId':'m','type':'PROFILE_UPDATED','occurredAt':'2026-01-01T00:00:00Z'}|/profile",
        "{'eventId':'e','memberId':'m','type':'REGISTERED','occurredAt':'2026-01-01T00:00:00Z','profile':{'birthday':'1990-13-01'}}|/profile/birthday",
        "{'eventId':'e','memberId':'m','type':'REGISTERED','occurredAt':'2026-01-01T00:00:00Z','profile':{'timeZone':'Mars/Base'}}|/profile/timeZone",
        "{'eventId':'e','memberId':'m','type':'REGISTERED','occurredAt':'2026-01-01T00:00:00Z','profile':{'tags':['ok',3]}}|/profile/tags/1",
        "{'eventId':'e','memberId':'m','type':'CHECK_IN','occurredAt':'2026-01-01T00:00:00Z','attributes':[1]}|/attributes",
    })
    void shouldNameTheFieldThatBreaksTheContract(String json, String field) {
        assertThatThrownBy(() -> read(json.replace('\'', '"')))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void shouldRefuseIdsLongerThan64Characters() {
        String id = "x".repeat(65);
        assertThatThrownBy(() -> read("{\"eventId\":\"" + id + "\",\"memberId\":\"m\",\"type\":\"CHECK_IN\","
                + "\"occurredAt\":\"2026-01-01T00:00:00Z\"}"))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("/eventId"));
    }

    @Test
    void shouldRefuseAttributesOver4KiB() {
        String big = "a".repeat(5000);
        assertThatThrownBy(() -> read("{\"eventId\":\"e\",\"memberId\":\"m\",\"type\":\"CHECK_IN\","
                + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"attributes\":{\"x\":\"" + big + "\"}}"))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("/attributes"));
    }

    @Test
    void shouldRefuseRecordsThatAreNotJsonObjectsOrNotUtf8OrTooLarge() {
        assertThatThrownBy(() -> read("not json")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> read("[1,2]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> reader.read(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}))
                .hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> reader.read(new byte[1024 * 1024])).hasMessageContaining("1048576 bytes");
        assertThatThrownBy(() -> reader.read(new byte[0])).hasMessageContaining("no value");
        assertThatThrownBy(() -> read("{\"eventId\":\"a\",\"eventId\":\"b\"}")).hasMessageContaining("not valid JSON");
    }
}
