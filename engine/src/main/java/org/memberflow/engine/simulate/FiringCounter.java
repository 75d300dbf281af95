package org.memberflow.engine.simulate;

import java.util.Map;
import java.util.TreeMap;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/** Counts firings per rule name over any number of sessions. */
final class FiringCounter extends DefaultAgendaEventListener {
    private final Map<String, Integer> firings = new TreeMap<>();

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        firings.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
    }

    Map<String, Integer> firings() {
        return firings;
    }
}
