package org.memberflow.rules.session;

import org.memberflow.rules.fact.Segment;
import org.memberflow.segments.RfmClass;

/**
 * The {@link Segment} fact of a unit of work, which depends on the class the classification
 * rules give. Passed among the facts, it is not inserted: {@link RuleRunner} fires the rules that
 * can fire without it (the classification among them), then inserts the Segment of the class
 * decided, then fires the rules that match it.
 */
public interface PendingSegment {

    /** The class the built-in thresholds give, for a rule set that classifies nothing. */
    RfmClass defaultClass();

    Segment classifiedAs(RfmClass rfmClass);
}
