package org.memberflow.bench.chaos;

/**
 * One file to upload as a rule set of its own.
 *
 * @param path     its path in the rule set (the extension says DRL, decision table or CSV table)
 * @param bytes    its content
 * @param expected a fragment the refusal must name, or null when any listed error will do
 */
record RuleFileSample(String path, byte[] bytes, String expected) {
}
