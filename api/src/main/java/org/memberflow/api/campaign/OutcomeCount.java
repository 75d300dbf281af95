package org.memberflow.api.campaign;

/**
 * Actions of a campaign with one outcome: how many, and a second count the query says (those
 * deferred by quiet hours, or those converted).
 */
public record OutcomeCount(String outcome, long actions, long counted) {
}
