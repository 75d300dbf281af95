package org.memberflow.rules.check;

/** One thing the safety check refuses, at a 1-based line and column of the text it checked. */
record Finding(int line, int column, String message) {
}
