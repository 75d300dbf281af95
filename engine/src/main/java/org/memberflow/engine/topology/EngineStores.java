package org.memberflow.engine.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.memberflow.engine.json.JsonSerde;
import org.memberflow.engine.member.MemberState;
import org.memberflow.engine.member.MemberStateSerde;
import org.memberflow.engine.topology.EngineOptions.StoreKind;

/** The engine's state stores: names, serdes and how they are built (RocksDB in a server, changelogged). */
public final class EngineStores {
    public static final String MEMBER_STATE = "member-state";
    public static final String SWEEPS = "sweeps";
    public static final String RFM_BREAKPOINTS = "rfm-breakpoints-store";

    private EngineStores() {
    }

    /**
     * Cached: a member read again before the cache evicts them skips RocksDB, and several events
     * of one member within a commit write RocksDB and the changelog once. RocksDB's get and put
     * were 40% of the stream thread without it (BENCHMARKS.md).
     */
    static StoreBuilder<KeyValueStore<String, MemberState>> memberState(StoreKind kind) {
        return Stores.keyValueStoreBuilder(
                supplier(MEMBER_STATE, kind), Serdes.String(),
                new MemberStateSerde()).withCachingEnabled();
    }

    static StoreBuilder<KeyValueStore<String, SweepCursor>> sweeps(StoreKind kind) {
        return Stores.keyValueStoreBuilder(
                supplier(SWEEPS, kind), Serdes.String(),
                new JsonSerde<>(SweepCursor.class));
    }

    /** A global copy of rfm-breakpoints, raw: the processor parses a record only when it changes. */
    static StoreBuilder<KeyValueStore<String, byte[]>> breakpoints(StoreKind kind) {
        return Stores.keyValueStoreBuilder(
                supplier(RFM_BREAKPOINTS, kind), Serdes.String(),
                Serdes.ByteArray()).withLoggingDisabled(); // a global store restores from its topic
    }

    private static KeyValueBytesStoreSupplier supplier(String name, StoreKind kind) {
        return kind == StoreKind.IN_MEMORY ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name);
    }

}
