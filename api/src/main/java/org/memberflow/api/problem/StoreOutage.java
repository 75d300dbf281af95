package org.memberflow.api.problem;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a store that cannot be reached (MariaDB or Redis stopped, restarting, unreachable) from
 * other failures: a request that needs it gets {@code 503} and a problem document that says to
 * retry, not a 500.
 */
public final class StoreOutage {
    /** Seconds a client is asked to wait before it retries. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private StoreOutage() {
    }

    /**
     * True when {@code e} says a store could not be reached or did not answer in time: Spring's
     * resource-failure and transient exceptions (no JDBC connection within Hikari's timeout, Redis
     * refusing the connection or a command timing out), a transaction that could not begin, and
     * Lettuce rejecting commands while it reconnects (a Redis error reply, such as WRONGTYPE, is
     * not an outage).
     */
    public static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                    || t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof RedisSystemException && t.getCause() instanceof RedisException
                    && !(t.getCause() instanceof RedisCommandExecutionException)) {
                return true;
            }
        }
        return false;
    }

    public static ProblemDetail problem() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "A store is unavailable",
                "the database or the cache this request needs cannot be reached now; retry in a few seconds");
    }
}
