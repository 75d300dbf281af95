package org.memberflow.engine.topology;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.memberflow.engine.Topics;
import org.memberflow.segments.Breakpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current breakpoints of a brand, read from the global store on every use so that a new
 * record on rfm-breakpoints takes effect at once; parsed only when its bytes change.
 */
final class BreakpointsLookup {
    private static final Logger log = LoggerFactory.getLogger(BreakpointsLookup.class);
    private final KeyValueStore<String, byte[]> store;
    private final Breakpoints defaults;
    private final Map<String, byte[]> lastBytes = new HashMap<>();
    private final Map<String, Breakpoints> parsed = new HashMap<>();

    BreakpointsLookup(KeyValueStore<String, byte[]> store, Breakpoints defaults) {
        this.store = store;
        this.defaults = defaults;
    }

    Breakpoints forBrand(String brandId) {
        byte[] bytes = store.get(brandId);
        if (bytes == null) {
            return defaults;
        }
        if (!Arrays.equals(bytes, lastBytes.get(brandId))) {
            try {
                parsed.put(brandId, Topics.RFM_BREAKPOINTS.valueSerde().deserializer().deserialize(null, bytes).toBreakpoints());
            } catch (RuntimeException e) {
                log.error("unreadable rfm-breakpoints for brand {}; keeping the previous ones: {}", brandId, e.getMessage());
                parsed.putIfAbsent(brandId, defaults);
            }
            lastBytes.put(brandId, bytes);
        }
        return parsed.get(brandId);
    }
}
