package org.memberflow.engine.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

    @Test
    void shouldAgreeWithInstantParseOnRandomInstantsWithEveryFractionLength() {
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(r.nextLong(-2_000_000_000L, 8_000_000_000L), r.nextInt(1_000_000_000));
            String text = t.toString(); // 0, 3, 6 or 9 fraction digits
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
            for (int digits = 1; digits <= 9; digits++) {
                String cut = text.substring(0, 19) + "." + String.format("%09d", t.getNano()).substring(0, digits) + "Z";
                assertThat(IsoInstants.parse(cut)).as(cut).isEqualTo(Instant.parse(cut));
            }
        }
    }

    @Test
    void shouldLeaveOtherShapesToInstantParse() {
        for (String text : new String[] {"2026-05-20T08:30:00+08:00", "2026-12-31T23:59:60Z", "+12026-05-20T08:30:00Z",
                "2024-02-29T00:00:00Z", "2026-05-20T08:30:00.Z", "2026-05-20T24:00:00Z"}) {
            Instant expected;
            try {
                expected = Instant.parse(text);
            } catch (DateTimeException e) {
                assertThatThrownBy(() -> IsoInstants.parse(text)).as(text).isInstanceOf(DateTimeException.class);
                continue;
            }
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void shouldRefuseWhatInstantParseRefuses() {
        for (String text : new String[] {"2026-02-30T08:30:00Z", "2026-13-01T08:30:00Z",
                "2026-05-20T08:60:00Z", "2026-05-20 08:30:00Z", "2026-05-20T08:30:00", "2026-0a-20T08:30:00Z",
                "2026-05-20T08:30:00.1234567890Z", "2025-02-29T00:00:00Z", "20260520T083000Z", "",
                "2026-05-20T08:30:00.12a4Z", "2026-05-20T08:30:00Zulu"}) {
            assertThatThrownBy(() -> Instant.parse(text)).as("Instant.parse(%s)", text).isInstanceOf(DateTimeException.class);
            assertThatThrownBy(() -> IsoInstants.parse(text)).as(text).isInstanceOf(DateTimeException.class);
        }
    }

    @Test
    void shouldFormatAsInstantToStringDoes() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 50_000; i++) {
            long seconds = r.nextLong(-70_000_000_000L, 260_000_000_000L); // from before year 0 to after 9999
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> r.nextInt(1_000) * 1_000_000;
                case 2 -> r.nextInt(1_000_000) * 1_000;
                default -> r.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(seconds, nanos);
            assertThat(IsoInstants.format(t)).isEqualTo(t.toString());
        }
        for (Instant t : new Instant[] {Instant.EPOCH, Instant.MIN, Instant.MAX, Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("1969-12-31T23:59:59.100Z"), Instant.parse("2024-02-29T12:00:00.000001Z")}) {
            assertThat(IsoInstants.format(t)).isEqualTo(t.toString());
        }
    }
}
