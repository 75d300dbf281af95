package org.memberflow.rules.check;

/** A rule file that cannot even be read as its kind says (too big, too long to parse, not a spreadsheet). */
final class RuleFileException extends Exception {
    RuleFileException(String message) {
        super(message);
    }
}
