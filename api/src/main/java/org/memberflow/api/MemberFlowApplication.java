package org.memberflow.api;

import org.memberflow.api.localstack.LocalStack;
import org.memberflow.api.localstack.LocalStackException;
import org.memberflow.api.localstack.Ports;
import org.memberflow.api.localstack.StackSettings;
import org.memberflow.api.security.FirstAdminKey;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the embedded local stack (whatever is not external), then the server on it. On
 * shutdown Spring closes the server first; the stack is a shutdown handler, which Spring Boot
 * runs only after its contexts are closed, so nothing is left running and nothing is cut off.
 * Callers are known by API keys alone: Spring Boot's default user, with the password it would
 * generate and log at every start, is left out.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class MemberFlowApplication {

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        LocalStack stack;
        try {
            Ports.requireFree(httpPort(), "the HTTP API", "MEMBERFLOW_HTTP_PORT");
            stack = LocalStack.start(StackSettings.fromEnvironment(System.getenv()));
        } catch (LocalStackException e) {
            System.err.println("memberflow: " + e.getMessage());
            System.exit(1);
            return;
        }
        stack.properties().forEach(System::setProperty);
        long tServer = System.nanoTime();

        SpringApplication.getShutdownHandlers().add(stack::close);
        ConfigurableApplicationContext context;
        try {
            context = SpringApplication.run(MemberFlowApplication.class, args);
        } catch (RuntimeException e) {
            System.exit(1);
            return;
        }

        String port = context.getEnvironment().getProperty("local.server.port");
        String firstKey = context.getBean(FirstAdminKey.class).takeUnlessConfigured();
        if (firstKey != null) {
            System.out.printf("%nThe first ADMIN key, shown this once (it is not stored; keep it now):%n  %s%n"
                    + "Send it as 'Authorization: Bearer <key>', or paste it into the console's login."
                    + " Issue other keys with POST /api/v1/keys.%n", firstKey);
        }
        System.out.printf("%nMemberFlow is up in %.1f s (%s; server %.1f s)%n  Console: http://localhost:%s/%n"
                        + "  API:     http://localhost:%s/api/v1%n  Health:  http://localhost:%s/actuator/health%n"
                        + "  Data:    %s%n%n",
                seconds(t0), stack.startupSummary(), seconds(tServer), port, port, port,
                stack.properties().get(LocalStack.DATA_DIR_PROPERTY));
    }

    private static int httpPort() {
        String value = System.getenv().getOrDefault("MEMBERFLOW_HTTP_PORT", "8080");
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new LocalStackException("MEMBERFLOW_HTTP_PORT must be a port number, not '" + value + "'");
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
