package org.memberflow.api.console;

import java.util.List;
import org.memberflow.api.security.ApiKey;
import org.memberflow.api.security.ApiKeys;
import org.memberflow.api.security.Role;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Logs in to the console with an API key, pasted as the login form's {@code key}: the key's role
 * becomes the session's. An INGEST key only sends events, so it does not open the console.
 */
final class ApiKeyLogin implements AuthenticationProvider {
    private final ApiKeys keys;

    ApiKeyLogin(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Authentication authenticate(Authentication login) {
        Object presented = login.getCredentials();
        ApiKey key = presented == null ? null : keys.authenticate(presented.toString().strip()).orElse(null);
        if (key == null) {
            throw new BadCredentialsException("unknown or revoked API key");
        }
        if (key.role() == Role.INGEST) {
            throw new DisabledException("an INGEST key only sends events");
        }
        return UsernamePasswordAuthenticationToken.authenticated(ConsoleUser.of(key), null,
                List.of(new SimpleGrantedAuthority(key.role().authority())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
