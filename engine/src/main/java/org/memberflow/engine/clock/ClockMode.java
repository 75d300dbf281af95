package org.memberflow.engine.clock;

/**
 * What "now" is for the engine: the wall clock in production, or the time of the event being
 * processed when replaying history (and in tests), so that a replayed year decides what the live
 * year would have.
 */
public enum ClockMode {
    WALL,
    EVENT
}
