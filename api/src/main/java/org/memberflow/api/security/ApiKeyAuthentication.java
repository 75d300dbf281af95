package org.memberflow.api.security;

import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** A request authenticated by an API key: the key is the principal, its role the authority. */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {
    private final ApiKey key;

    ApiKeyAuthentication(ApiKey key) {
        super(List.of(new SimpleGrantedAuthority(key.role().authority())));
        this.key = key;
        setAuthenticated(true);
    }

    /** The key of the request being handled, if it presented one. */
    public static Optional<ApiKey> current() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof ApiKeyAuthentication a
                ? Optional.of(a.key) : Optional.empty();
    }

    public ApiKey key() {
        return key;
    }

    @Override
    public Object getCredentials() {
        return null; // the secret is not kept past the check
    }

    @Override
    public Object getPrincipal() {
        return key;
    }

    @Override
    public String getName() {
        return key.name();
    }
}
