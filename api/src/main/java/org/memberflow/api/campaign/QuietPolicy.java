package org.memberflow.api.campaign;

/** What quiet hours do to an action decided inside them: hold it until they end, or drop it. */
public enum QuietPolicy {
    DEFER, SUPPRESS
}
