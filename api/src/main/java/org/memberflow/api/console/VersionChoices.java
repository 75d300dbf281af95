package org.memberflow.api.console;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.memberflow.api.ruleset.RuleSetCatalog;
import org.memberflow.api.ruleset.RuleSetVersion;

/**
 * The versions a page offers in a list (the base of an upload, the other side of a diff): the
 * newest, and always the active version and the built-in set, however many versions came since.
 */
final class VersionChoices {
    static final int NEWEST = 100;
    static final int BUILT_IN = 1;

    private VersionChoices() {
    }

    /** Newest first. */
    static List<RuleSetVersion> of(RuleSetCatalog catalog) {
        Map<Integer, RuleSetVersion> choices = new TreeMap<>(Comparator.reverseOrder());
        catalog.page(0, NEWEST).forEach(v -> choices.put(v.version(), v));
        RuleSetVersion active = catalog.active();
        choices.putIfAbsent(active.version(), active);
        if (!choices.containsKey(BUILT_IN)) {
            catalog.find(BUILT_IN).ifPresent(v -> choices.put(v.version(), v));
        }
        return List.copyOf(choices.values());
    }
}
