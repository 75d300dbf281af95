package org.memberflow.api.console;

import java.io.Serializable;
import org.memberflow.api.security.ApiKey;
import org.memberflow.api.security.Role;

/**
 * Who is logged in to the console: the API key they pasted, by id, name and role. The key's
 * secret is not kept (the session holds only this), so a stolen session cookie is no key.
 */
public record ConsoleUser(String keyId, String name, Role role) implements Serializable {
    static final int MAX_ACTOR = 64;

    static ConsoleUser of(ApiKey key) {
        return new ConsoleUser(key.id(), key.name(), key.role());
    }

    /**
     * Who is recorded as author of uploads and activations: {@code name (keyId)}, so that two keys
     * of the same name are told apart. The name in the characters an author may have
     * ({@code RuleSetUpload.requireActor}), others replaced by '_', and cut to fit 64 characters
     * (code points, as the column counts them: a cut between the halves of a surrogate pair would
     * leave a character no author may have).
     */
    public String actor() {
        String id = " (" + keyId + ")";
        int room = MAX_ACTOR - id.codePointCount(0, id.length());
        String cleaned = name.replaceAll("[^\\p{L}\\p{N}._@ -]", "_").strip();
        if (cleaned.isEmpty() || room < 1) {
            return keyId;
        }
        if (cleaned.codePointCount(0, cleaned.length()) > room) {
            cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, room)).strip();
        }
        return cleaned + id;
    }
}
