package org.memberflow.rules.fact;

import java.time.LocalDate;

/** The engine clock's date, in the member's time zone: the fact to reason about "today" with. */
public final class Today {
    private final LocalDate date;

    public Today(LocalDate date) {
        this.date = date;
    }

    public LocalDate getDate() {
        return date;
    }

    public int getYear() {
        return date.getYear();
    }
}
