package org.memberflow.api.console;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Times on the console's pages, in its zone (Asia/Shanghai): {@code ${@consoleTimes.at(instant)}}. */
@Component("consoleTimes")
public class ConsoleTimes {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(DashboardCharts.ZONE);

    public String at(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant);
    }
}
