package org.memberflow.api.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.memberflow.rules.decision.ActionType;

/**
 * What one member was delivered recently (from the action log, plus what the batch being settled
 * delivered so far): the ground the caps are counted on.
 */
final class MemberDeliveries {
    record Delivered(String campaignId, ActionType type, Instant decidedAt) {
    }

    private final List<Delivered> delivered = new ArrayList<>();

    void add(String campaignId, ActionType type, Instant decidedAt) {
        delivered.add(new Delivered(campaignId, type, decidedAt));
    }

    /** Actions of the campaign decided in the {@code days} before {@code at} (and up to it). */
    long ofCampaignWithin(String campaignId, Instant at, int days) {
        Instant since = at.minus(Duration.ofDays(days));
        return delivered.stream().filter(d -> d.campaignId().equals(campaignId) && d.decidedAt().isAfter(since)).count();
    }

    /** Actions that reach the member decided on the member's local day of {@code at}. */
    long contactsOnDayOf(Instant at, ZoneId zone) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return delivered.stream()
                .filter(d -> Guardrails.reachesMember(d.type()) && d.decidedAt().atZone(zone).toLocalDate().equals(day))
                .count();
    }
}
