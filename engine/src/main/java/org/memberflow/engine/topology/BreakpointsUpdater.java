package org.memberflow.engine.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global breakpoints store equal to the compacted topic rfm-breakpoints, and the
 * {@link BreakpointsLookup} equal to the store. A global store restores without its processor,
 * so {@link #init} loads what was restored before any record comes.
 */
final class BreakpointsUpdater implements Processor<String, byte[], Void, Void> {
    private final BreakpointsLookup lookup;
    private KeyValueStore<String, byte[]> store;

    BreakpointsUpdater(BreakpointsLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(EngineStores.RFM_BREAKPOINTS);
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            all.forEachRemaining(e -> lookup.publish(e.key, e.value));
        }
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
        lookup.publish(record.key(), record.value());
    }
}
