package org.memberflow.api.support;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.memberflow.api.localstack.LocalStack;
import org.memberflow.api.localstack.StackSettings;

/**
 * Starts the embedded local stack once per test JVM, on free ports and a fresh data directory,
 * and points Spring at it through system properties. The same environment variables as the
 * server's (MEMBERFLOW_MYSQL_URL, ...) make the tests use external servers instead.
 *
 * <p>The stack stops at JVM exit, after the cached test contexts are closed ({@link AtJvmExit}).
 */
public final class LocalStackExtension implements BeforeAllCallback, TestInstancePreConstructCallback {
    private static volatile LocalStack current;
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).computeIfAbsent("stack", key -> new Started(start()), Started.class);
    }

    /** A test class with one instance for all its tests gets its Spring context before beforeAll. */
    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        beforeAll(context);
    }

    private static LocalStack start() {
        Path dataDir = AtJvmExit.newDataDir("memberflow-test-");
        LocalStack stack = LocalStack.start(StackSettings.onFreePorts(System.getenv(), dataDir));
        stack.properties().forEach(System::setProperty);
        AtJvmExit.stopAndDelete(stack, dataDir);
        current = stack;
        return stack;
    }

    /** This JVM's stack, for tests that stage an outage of one of its servers. */
    public static LocalStack stack() {
        if (current == null) {
            throw new IllegalStateException("the local stack has not started in this JVM");
        }
        return current;
    }

    /** Not AutoCloseable on purpose: JUnit must not stop the stack before Spring's contexts. */
    private record Started(LocalStack stack) {
    }
}
