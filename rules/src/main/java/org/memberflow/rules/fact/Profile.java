package org.memberflow.rules.fact;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Member profile as carried by {@code REGISTERED} and {@code PROFILE_UPDATED} events. Every field
 * is optional (null or empty when the event did not say).
 */
public final class Profile {
    private final LocalDate birthday;
    private final ZoneId timeZone;
    private final String tier;
    private final String phone;
    private final List<String> tags;

    public Profile(LocalDate birthday, ZoneId timeZone, String tier, String phone, List<String> tags) {
        this.birthday = birthday;
        this.timeZone = timeZone;
        this.tier = tier;
        this.phone = phone;
        this.tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public LocalDate getBirthday() {
        return birthday;
    }

    public ZoneId getTimeZone() {
        return timeZone;
    }

    public String getTier() {
        return tier;
    }

    /** Personal data: never logged, never kept in the engine's state. */
    public String getPhone() {
        return phone;
    }

    public List<String> getTags() {
        return tags;
    }
}
