package org.memberflow.engine.topology;

/**
 * Every sweep test again over in-memory stores, as the chaos oracle runs the engine: a sweep walks
 * ranges of keys, and both kinds of store must give it the same members in the same order.
 */
class InMemorySweepTest extends SweepTest {
    @Override
    EngineOptions.StoreKind storeKind() {
        return EngineOptions.StoreKind.IN_MEMORY;
    }
}
