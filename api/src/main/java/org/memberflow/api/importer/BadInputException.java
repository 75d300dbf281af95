package org.memberflow.api.importer;

/** The input cannot be imported at all (not UTF-8, no header, unknown columns, broken quoting): exit 2, nothing sent. */
final class BadInputException extends Exception {
    BadInputException(String message) {
        super(message);
    }
}
