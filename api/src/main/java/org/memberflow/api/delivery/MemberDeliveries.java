package org.memberflow.api.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.memberflow.rules.decision.ActionType;

/**
 * What one member was delivered recently, or would have been as a control member (from the action
 * log, plus what the batch being settled decided so far): the ground the caps are counted on.
 */
final class MemberDeliveries {
    /** @param control held out: counts toward the campaign's cap, but contacted no one */
    record Delivered(String campaignId, ActionType type, Instant decidedAt, boolean control) {
    }

    private final List<Delivered> delivered = new ArrayList<>();

    void add(String campaignId, ActionType type, Instant decidedAt, boolean control) {
        delivered.add(new Delivered(campaignId, type, decidedAt, control));
    }

    /** Actions of the campaign (delivered or control) decided in the {@code days} up to {@code at}. */
    long ofCampaignWithin(String campaignId, Instant at, int days) {
        Instant since = at.minus(Duration.ofDays(days));
        return delivered.stream().filter(d -> d.campaignId().equals(campaignId) && d.decidedAt().isAfter(since)
                && !d.decidedAt().isAfter(at)).count();
    }

    /** Delivered actions that reach the member decided on the member's local day of {@code at}. */
    long contactsOnDayOf(Instant at, ZoneId zone) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return delivered.stream().filter(d -> !d.control() && Guardrails.reachesMember(d.type())
                && d.decidedAt().atZone(zone).toLocalDate().equals(day)).count();
    }
}
