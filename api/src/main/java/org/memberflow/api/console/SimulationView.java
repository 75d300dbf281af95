package org.memberflow.api.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.memberflow.engine.simulate.Simulation;

/** A simulation laid out for the page: the draft's and the active version's counts side by side. */
record SimulationView(Simulation simulation, List<Row> firings, List<Row> campaigns) {

    /** One rule or campaign: its count in the draft and in the active version. */
    record Row(String name, int draft, int active) {
        public boolean changed() {
            return draft != active;
        }
    }

    static SimulationView of(Simulation s) {
        return new SimulationView(s, rows(s.draft().firings(), s.active().firings()),
                rows(s.draft().actionsPerCampaign(), s.active().actionsPerCampaign()));
    }

    private static List<Row> rows(Map<String, Integer> draft, Map<String, Integer> active) {
        TreeSet<String> names = new TreeSet<>(draft.keySet());
        names.addAll(active.keySet());
        List<Row> rows = new ArrayList<>();
        for (String name : names) {
            rows.add(new Row(name, draft.getOrDefault(name, 0), active.getOrDefault(name, 0)));
        }
        return rows;
    }
}
