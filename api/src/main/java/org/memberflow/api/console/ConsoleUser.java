package org.memberflow.api.console;

import java.io.Serializable;
import org.memberflow.api.security.ApiKey;
import org.memberflow.api.security.Role;

/**
 * Who is logged in to the console: the API key they pasted, by id, name and role. The key's
 * secret is not kept (the session holds only this), so a stolen session cookie is no key.
 */
public record ConsoleUser(String keyId, String name, Role role) implements Serializable {

    static ConsoleUser of(ApiKey key) {
        return new ConsoleUser(key.id(), key.name(), key.role());
    }

    /**
     * The name recorded as author of uploads and activations: the key's name in the characters an
     * author may have ({@code RuleSetUpload.requireActor}), others replaced by '_'.
     */
    public String actor() {
        String cleaned = name.replaceAll("[^\\p{L}\\p{N}._@ -]", "_").strip();
        cleaned = cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
        return cleaned.isEmpty() ? keyId : cleaned;
    }
}
