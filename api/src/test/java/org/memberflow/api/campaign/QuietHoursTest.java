package org.memberflow.api.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final QuietHours overnight = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0), QuietPolicy.DEFER);

    @Test
    void shouldEndTheNextMorningWhenInsideBeforeMidnight() {
        assertThat(overnight.endIfInside(Instant.parse("2026-05-20T14:30:00Z"), SHANGHAI)) // 22:30 local
                .contains(Instant.parse("2026-05-21T00:00:00Z")); // 08:00 local the next day
    }

    @Test
    void shouldEndThisMorningWhenInsideAfterMidnight() {
        assertThat(overnight.endIfInside(Instant.parse("2026-05-20T19:00:00Z"), SHANGHAI)) // 03:00 local on the 21st
                .contains(Instant.parse("2026-05-21T00:00:00Z"));
    }

    @Test
    void shouldBeOutsideAtTheEndAndInsideAtTheStart() {
        assertThat(overnight.endIfInside(Instant.parse("2026-05-21T00:00:00Z"), SHANGHAI)).isEmpty(); // 08:00
        assertThat(overnight.endIfInside(Instant.parse("2026-05-20T14:00:00Z"), SHANGHAI)).isPresent(); // 22:00
        assertThat(overnight.endIfInside(Instant.parse("2026-05-20T04:00:00Z"), SHANGHAI)).isEmpty(); // noon
    }

    @Test
    void shouldHandleAWindowWithinOneDay() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0), QuietPolicy.DEFER);

        assertThat(lunch.endIfInside(Instant.parse("2026-05-20T04:30:00Z"), SHANGHAI))
                .contains(Instant.parse("2026-05-20T06:00:00Z"));
        assertThat(lunch.endIfInside(Instant.parse("2026-05-20T06:00:00Z"), SHANGHAI)).isEmpty();
    }

    @Test
    void shouldEndAtTheLocalTimeAcrossADaylightSavingChange() {
        // New York springs forward on 2026-03-08: 23:00 on the 7th is UTC-5, 08:00 on the 8th is UTC-4.
        assertThat(overnight.endIfInside(Instant.parse("2026-03-08T04:00:00Z"), NEW_YORK))
                .contains(Instant.parse("2026-03-08T12:00:00Z"));
    }
}
