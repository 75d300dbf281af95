package org.memberflow.api.security;

import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * A server that starts on an empty key table makes the first ADMIN key, so that a new install
 * can be used at once and no key sits in the repository. The key is handed out once
 * ({@link #takeUnlessConfigured}) for the start-up banner; the log names only its id.
 */
@Component
public class FirstAdminKey implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(FirstAdminKey.class);
    private final ApiKeys keys;
    private final KeyProperties props;
    private final AtomicReference<String> toShow = new AtomicReference<>();

    FirstAdminKey(ApiKeys keys, KeyProperties props) {
        this.keys = keys;
        this.props = props;
    }

    @Override
    public void run(ApplicationArguments args) {
        keys.issueFirstAdmin(props.firstAdminKey()).ifPresent(issued -> {
            boolean configured = props.firstAdminKey() != null && !props.firstAdminKey().isBlank();
            log.warn("created the first ADMIN key, id {} ({})", issued.key().id(),
                    configured ? "from memberflow.security.first-admin-key" : "shown once on the console");
            if (!configured) {
                toShow.set(issued.value());
            }
        });
    }

    /** The random first key, the first time this is called after it was made; else null. */
    public String takeUnlessConfigured() {
        return toShow.getAndSet(null);
    }
}
