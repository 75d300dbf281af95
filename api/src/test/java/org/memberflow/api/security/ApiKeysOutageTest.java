package org.memberflow.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * A key this server has read still works while MySQL cannot be reached (the store-outage chaos
 * scenario: after the key cache's 10 s, every request failed during a 30 s database outage); a key
 * it never read cannot be checked and fails as the outage it is.
 */
class ApiKeysOutageTest {
    private final ApiKeyMapper mapper = mock(ApiKeyMapper.class);
    private final ApiKeys keys = new ApiKeys(mapper, new KeyProperties("", Duration.ZERO, Map.of(), 0));

    @Test
    void shouldTrustAKeyAsLastReadWhileMySqlIsDown() {
        KeyToken token = KeyToken.generate();
        ApiKey key = new ApiKey(token.id(), "pos", Role.INGEST, null, Instant.now(), null, token.secretHash());
        when(mapper.find(token.id())).thenReturn(key).thenThrow(new CannotGetJdbcConnectionException("MariaDB is down"));

        assertThat(keys.authenticate(token.value())).contains(key);
        assertThat(keys.authenticate(token.value())).contains(key);
    }

    @Test
    void shouldFailAsAnOutageForAKeyNeverRead() {
        KeyToken token = KeyToken.generate();
        when(mapper.find(token.id())).thenThrow(new CannotGetJdbcConnectionException("MariaDB is down"));

        assertThatThrownBy(() -> keys.authenticate(token.value())).isInstanceOf(CannotGetJdbcConnectionException.class);
    }

    @Test
    void shouldNotTrustARevokedKeyAsLastRead() {
        KeyToken token = KeyToken.generate();
        ApiKey revoked = new ApiKey(token.id(), "pos", Role.INGEST, null, Instant.now(), Instant.now(), token.secretHash());
        when(mapper.find(token.id())).thenReturn(revoked).thenThrow(new CannotGetJdbcConnectionException("down"));

        assertThat(keys.authenticate(token.value())).isEmpty();
        assertThat(keys.authenticate(token.value())).isEmpty();
    }
}
