package dev.fairlead.common.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database that cannot be reached just now (restarting, failing over, out of connections)
 * from a fault of ours. Such a request is answered {@code 503} with {@code Retry-After}: the client
 * did nothing wrong and the same request, retried, will work. With an {@code Idempotency-Key} a
 * retry never creates anything twice, even when the first attempt did commit before the
 * connection broke.
 */
final class DatabaseUnavailable {

    /** Seconds a client should wait before it retries. */
    static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {}

    static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof TransientDataAccessResourceException || t instanceof QueryTimeoutException
                    || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && unavailable(sql.getSQLState())) {
                return true;
            }
            // A commit or rollback that failed in JDBC itself (constraint violations at commit are translated
            // to DataAccessExceptions before this): the connection has gone, whatever the driver's message.
            // A rollback that failed hides why the work failed in the application exception.
            if (t instanceof TransactionSystemException tx
                    && (tx.getCause() instanceof SQLException || (tx.getApplicationException() != null && is(tx.getApplicationException())))) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P01–57P03 (the server shutting down or starting
     * up), 53300 (too many connections).
     */
    static boolean unavailable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P") || sqlState.equals("53300"));
    }
}
