package org.memberflow.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.MyBatisSystemException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures are a store out of reach (503), found by the store-outage chaos scenario. */
class StoreOutageClassificationTest {

    @Test
    void shouldTakeAnUnreachableStoreForAnOutage() {
        assertThat(StoreOutage.is(new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
        assertThat(StoreOutage.is(new MyBatisSystemException("mapper", new SQLTransientConnectionException("timeout"))))
                .isTrue();
        assertThat(StoreOutage.is(new CannotCreateTransactionException("no connection"))).isTrue();
        assertThat(StoreOutage.is(new RedisConnectionFailureException("refused"))).isTrue();
        assertThat(StoreOutage.is(new QueryTimeoutException("Redis command timed out"))).isTrue();
        // Lettuce while it reconnects (REJECT_COMMANDS)
        assertThat(StoreOutage.is(new RedisSystemException("rejected",
                new RedisException("Currently not connected. Commands are rejected.")))).isTrue();
    }

    @Test
    void shouldNotTakeAnErrorOfTheRequestForAnOutage() {
        assertThat(StoreOutage.is(new RedisSystemException("error reply",
                new RedisCommandExecutionException("WRONGTYPE Operation against a key")))).isFalse();
        assertThat(StoreOutage.is(new DataIntegrityViolationException("duplicate key"))).isFalse();
        assertThat(StoreOutage.is(new IllegalStateException("a bug"))).isFalse();
    }
}
