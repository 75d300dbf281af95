package org.memberflow.api.importer;

/** The server could not be reached, kept failing, or refused the key: exit 3; what it accepted is kept. */
final class ServerFailedException extends Exception {
    ServerFailedException(String message) {
        super(message);
    }
}
