package org.memberflow.api.localstack;

/**
 * An embedded server that can be stopped and started again on the same port and data, so an
 * outage can be staged against the real thing (the fault tests).
 */
public interface StoppableServer extends AutoCloseable {
    void stop();

    void start();

    @Override
    default void close() {
        stop();
    }
}
