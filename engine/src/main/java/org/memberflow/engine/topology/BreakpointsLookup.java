package org.memberflow.engine.topology;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.memberflow.engine.Topics;
import org.memberflow.segments.Breakpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current breakpoints of every brand, parsed once per record of rfm-breakpoints. The global
 * store's updater publishes here as it writes the store (and loads everything the store restored
 * when it starts), and every stream thread reads from here: a new record takes effect on the next
 * event, and no event reads the global store (that read was 7% of the stream thread, BENCHMARKS.md).
 * One per topology, shared by the global thread and the stream threads.
 */
final class BreakpointsLookup {
    private static final Logger log = LoggerFactory.getLogger(BreakpointsLookup.class);
    private final Breakpoints defaults;
    private final Map<String, Breakpoints> byBrand = new ConcurrentHashMap<>();

    BreakpointsLookup(Breakpoints defaults) {
        this.defaults = defaults;
    }

    Breakpoints forBrand(String brandId) {
        return byBrand.getOrDefault(brandId, defaults);
    }

    /** A record of rfm-breakpoints: null bytes remove the brand's breakpoints; unreadable ones are ignored. */
    void publish(String brandId, byte[] bytes) {
        if (bytes == null) {
            byBrand.remove(brandId);
            return;
        }
        try {
            byBrand.put(brandId, Topics.RFM_BREAKPOINTS.valueSerde().deserializer().deserialize(null, bytes).toBreakpoints());
        } catch (RuntimeException e) {
            log.error("unreadable rfm-breakpoints for brand {}; keeping the previous ones: {}", brandId, e.getMessage());
        }
    }
}
