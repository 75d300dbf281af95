package org.memberflow.api.ruleset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.memberflow.api.engine.EngineProperties;
import org.memberflow.rules.explain.RuleProbes;
import org.memberflow.rules.session.RuleFile;
import org.memberflow.rules.session.RuleRunner;
import org.memberflow.rules.session.RuleSetCompiler;
import org.memberflow.rules.session.RuleSetRejectedException;
import org.springframework.stereotype.Component;

/**
 * Stored versions compiled for simulating and explaining, the last few kept (a version never
 * changes, so nothing goes stale). One compile at a time: compiling is the costly part of both,
 * and requests for the same version wait for the one compile instead of each doing it.
 */
@Component
class CompiledVersions {
    private static final int KEEP = 4;
    private final RuleSetCatalog catalog;
    private final int maxFirings;
    private final Map<Integer, Compiled> compiled = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Compiled> eldest) {
            return size() > KEEP;
        }
    };

    CompiledVersions(RuleSetCatalog catalog, EngineProperties props) {
        this.catalog = catalog;
        this.maxFirings = props.maxRuleFirings();
    }

    /** A version's runner, and the probes that explain it (built on first use). */
    static final class Compiled {
        private final RuleRunner runner;
        private final List<RuleFile> files;
        private RuleProbes probes;

        private Compiled(RuleRunner runner, List<RuleFile> files) {
            this.runner = runner;
            this.files = files;
        }

        RuleRunner runner() {
            return runner;
        }

        synchronized RuleProbes probes() {
            if (probes == null) {
                probes = RuleProbes.of(files);
            }
            return probes;
        }
    }

    synchronized Compiled get(int version) throws RuleSetRejectedException {
        Compiled found = compiled.get(version);
        if (found == null) {
            RuleSetVersion v = catalog.get(version);
            List<RuleFile> files = catalog.files(version);
            found = new Compiled(new RuleRunner(new RuleSetCompiler().compile(v.name(), Integer.toString(version), files),
                    maxFirings), files);
            compiled.put(version, found);
        }
        return found;
    }
}
