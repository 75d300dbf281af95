package org.memberflow.engine.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.memberflow.engine.json.JsonSerde;
import org.memberflow.engine.member.MemberState;
import org.memberflow.engine.member.MemberStateSerde;

/** The engine's state stores: names, serdes and how they are built (RocksDB, changelogged). */
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
    static StoreBuilder<KeyValueStore<String, MemberState>> memberState() {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(MEMBER_STATE), Serdes.String(),
                new MemberStateSerde()).withCachingEnabled();
    }

    static StoreBuilder<KeyValueStore<String, SweepCursor>> sweeps() {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SWEEPS), Serdes.String(),
                new JsonSerde<>(SweepCursor.class));
    }

    /** A global copy of rfm-breakpoints, raw: the processor parses a record only when it changes. */
    static StoreBuilder<KeyValueStore<String, byte[]>> breakpoints() {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(RFM_BREAKPOINTS), Serdes.String(),
                Serdes.ByteArray()).withLoggingDisabled(); // a global store restores from its topic
    }

}
