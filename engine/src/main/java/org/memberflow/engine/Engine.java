package org.memberflow.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.memberflow.engine.topology.EngineOptions;
import org.memberflow.engine.topology.EngineStores;
import org.memberflow.engine.topology.EngineTopology;
import org.memberflow.engine.topology.SweepCursor;
import org.memberflow.rules.session.Rules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running engine: one Kafka Streams instance over the engine topology. */
public final class Engine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Engine.class);
    private final KafkaStreams streams;

    public Engine(EngineSettings settings, Rules rules, EngineOptions options, Clock clock) {
        StreamsBuilder builder = EngineTopology.build(new StreamsBuilder(), rules, options, clock);
        this.streams = new KafkaStreams(builder.build(), settings.toStreamsProperties(options.clockMode()));
        // A failed stream thread (a broker hiccup, a fenced producer) is replaced, not left dead:
        // its tasks restart from the last committed transaction.
        streams.setUncaughtExceptionHandler(e -> {
            log.error("stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    public void start() {
        streams.start();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /**
     * Where the sweeps of this instance's tasks stand (one cursor per task and tick), read from
     * the sweeps store by interactive query; empty while the store cannot be queried (starting,
     * rebalancing).
     */
    public List<SweepCursor> sweeps() {
        List<SweepCursor> cursors = new ArrayList<>();
        try (KeyValueIterator<String, SweepCursor> it = streams.store(StoreQueryParameters.fromNameAndType(
                EngineStores.SWEEPS, QueryableStoreTypes.<String, SweepCursor>keyValueStore())).all()) {
            it.forEachRemaining(kv -> cursors.add(kv.value));
        } catch (InvalidStateStoreException e) {
            return List.of();
        }
        return cursors;
    }

    /**
     * Commits and stops. Leaves the consumer group, so that a restarted or remaining instance
     * rebalances at once instead of waiting out the session timeout of the one that left.
     */
    @Override
    public void close() {
        streams.close(CloseOptions.timeout(Duration.ofSeconds(10))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
}
