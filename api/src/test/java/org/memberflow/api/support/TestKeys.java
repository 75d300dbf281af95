package org.memberflow.api.support;

/**
 * The ADMIN key the test servers make first ({@code memberflow.security.first-admin-key}), on a
 * database that exists only for the tests. Not a secret: it opens nothing outside them.
 */
public final class TestKeys {
    public static final String ADMIN = "mfk_testadmin000_" + "integration-tests-only_" + "00000000000000000000";

    private TestKeys() {
    }
}
