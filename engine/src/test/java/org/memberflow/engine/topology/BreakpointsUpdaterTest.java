package org.memberflow.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.memberflow.engine.Topics;
import org.memberflow.engine.segment.BreakpointsRecord;
import org.memberflow.segments.Breakpoints;

/** The in-memory breakpoints follow the global store: what it restored, and every record after. */
class BreakpointsUpdaterTest {
    private static final Breakpoints CUSTOM = new Breakpoints(new long[] {10, 20, 40, 80}, new long[] {1, 3, 5, 9},
            new long[] {5_000, 20_000, 50_000, 90_000}, 45, 4, 33_000);

    private static byte[] bytes(Breakpoints b) {
        return Topics.RFM_BREAKPOINTS.valueSerde().serializer().serialize(null, BreakpointsRecord.of(b));
    }

    private static KeyValueStore<String, byte[]> storeIn(MockProcessorContext<Void, Void> context) {
        KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(
                EngineStores.RFM_BREAKPOINTS), Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }

    @Test
    void shouldServeWhatTheStoreRestoredBeforeAnyRecordComes() {
        MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
        storeIn(context).put("brand-a", bytes(CUSTOM)); // as a restore writes it: without the processor
        BreakpointsLookup lookup = new BreakpointsLookup(Breakpoints.defaults());

        new BreakpointsUpdater(lookup).init(context);

        assertThat(lookup.forBrand("brand-a")).isEqualTo(CUSTOM);
        assertThat(lookup.forBrand("brand-b")).isEqualTo(Breakpoints.defaults());
    }

    @Test
    void shouldFollowNewRecordsAndDeletesAndKeepThePreviousOnesForAnUnreadableRecord() {
        MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
        KeyValueStore<String, byte[]> store = storeIn(context);
        BreakpointsLookup lookup = new BreakpointsLookup(Breakpoints.defaults());
        BreakpointsUpdater updater = new BreakpointsUpdater(lookup);
        updater.init(context);

        updater.process(new Record<>("brand-a", bytes(CUSTOM), 0L));
        assertThat(lookup.forBrand("brand-a")).isEqualTo(CUSTOM);
        assertThat(store.get("brand-a")).isNotNull();

        updater.process(new Record<>("brand-a", "not json".getBytes(), 1L));
        assertThat(lookup.forBrand("brand-a")).isEqualTo(CUSTOM);

        updater.process(new Record<>("brand-a", null, 2L));
        assertThat(lookup.forBrand("brand-a")).isEqualTo(Breakpoints.defaults());
        assertThat(store.get("brand-a")).isNull();
    }
}
