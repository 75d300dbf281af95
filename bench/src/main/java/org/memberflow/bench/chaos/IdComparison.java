package org.memberflow.bench.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.memberflow.bench.chaos.ScenarioResult.Figure;

/**
 * Action ids seen against action ids expected: how many appear more often than expected
 * (duplicates), are missing, or should not be there at all (extra).
 *
 * @param examples a few of the ids behind the non-zero counts, for the report
 */
record IdComparison(long expected, long seen, long duplicates, long missing, long extra, List<String> examples) {

    static IdComparison of(Map<String, Integer> expected, Map<String, Integer> seen) {
        long duplicates = 0;
        long missing = 0;
        long extra = 0;
        List<String> examples = new ArrayList<>();
        for (Map.Entry<String, Integer> e : seen.entrySet()) {
            Integer want = expected.get(e.getKey());
            if (want == null) {
                extra++;
                note(examples, "extra " + e.getKey());
            } else if (e.getValue() > want) {
                duplicates += e.getValue() - want;
                note(examples, "duplicate " + e.getKey() + " x" + e.getValue());
            }
        }
        for (String id : expected.keySet()) {
            if (!seen.containsKey(id)) {
                missing++;
                note(examples, "missing " + id);
            }
        }
        return new IdComparison(expected.size(), seen.size(), duplicates, missing, extra, examples);
    }

    static IdComparison of(Set<String> expected, Map<String, Integer> seen) {
        return of(ones(expected), seen);
    }

    static Map<String, Integer> ones(Set<String> ids) {
        Map<String, Integer> m = new java.util.HashMap<>();
        ids.forEach(id -> m.put(id, 1));
        return m;
    }

    private static void note(List<String> examples, String example) {
        if (examples.size() < 5) {
            examples.add(example);
        }
    }

    /** The figures of one place the ids were counted, e.g. "campaign-actions". */
    List<Figure> figures(String where) {
        return List.of(new Figure(where + ": ids expected", expected, null),
                new Figure(where + ": ids seen", seen, expected),
                new Figure(where + ": duplicates", duplicates, 0L),
                new Figure(where + ": missing", missing, 0L),
                new Figure(where + ": extra", extra, 0L));
    }

    /** A sentence for each broken promise. */
    List<String> failures(String where) {
        List<String> f = new ArrayList<>();
        if (duplicates + missing + extra > 0) {
            f.add(where + ": " + duplicates + " duplicate, " + missing + " missing, " + extra + " extra action ids (e.g. "
                    + String.join(", ", examples) + ")");
        }
        return f;
    }
}
