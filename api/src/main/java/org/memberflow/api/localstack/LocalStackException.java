package org.memberflow.api.localstack;

/** The local stack could not start; the message is one line a user can act on. */
public final class LocalStackException extends RuntimeException {
    public LocalStackException(String message) {
        super(message);
    }

    public LocalStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
