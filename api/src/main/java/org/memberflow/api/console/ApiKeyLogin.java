package org.memberflow.api.console;

import java.util.List;
import org.memberflow.api.security.ApiKey;
import org.memberflow.api.security.ApiKeys;
import org.memberflow.api.security.FailedAuthLimit;
import org.memberflow.api.security.Role;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Logs in to the console with an API key, pasted as the login form's {@code key}: the key's role
 * becomes the session's. An INGEST key only sends events, so it does not open the console. An
 * address that sent too many bad keys this minute is refused without a look-up, as on the API.
 */
final class ApiKeyLogin implements AuthenticationProvider {
    private final ApiKeys keys;
    private final FailedAuthLimit failures;

    ApiKeyLogin(ApiKeys keys, FailedAuthLimit failures) {
        this.keys = keys;
        this.failures = failures;
    }

    @Override
    public Authentication authenticate(Authentication login) {
        String presented = login.getCredentials() == null ? "" : login.getCredentials().toString().strip();
        String client = login.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "unknown";
        boolean lookUp = keys.wouldLookUp(presented);
        if (lookUp && failures.blocked(client)) {
            throw new LockedException("too many unknown or revoked keys from this address in the last minute");
        }
        ApiKey key = keys.authenticate(presented).orElse(null);
        if (key == null) {
            if (lookUp) {
                failures.failed(client);
            }
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
