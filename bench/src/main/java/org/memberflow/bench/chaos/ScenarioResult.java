package org.memberflow.bench.chaos;

import java.util.List;

/**
 * What one fault scenario of {@code scripts/chaos} measured, and which of its promises broke.
 *
 * @param scenario a short name, e.g. "kill -9"
 * @param figures  what it counted, in the order the table prints them
 * @param failures each broken promise in a sentence; empty when the scenario held
 */
public record ScenarioResult(String scenario, List<Figure> figures, List<String> failures) {

    public ScenarioResult {
        figures = List.copyOf(figures);
        failures = List.copyOf(failures);
    }

    public boolean held() {
        return failures.isEmpty();
    }

    /**
     * One counted figure.
     *
     * @param name     what was counted, e.g. "duplicate action ids"
     * @param value    what was counted
     * @param expected what the promise says it must be, or null when it is only reported
     */
    public record Figure(String name, long value, Long expected) {
        public boolean ok() {
            return expected == null || expected == value;
        }
    }
}
