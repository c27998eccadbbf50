package dev.fairlead.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseUnavailableTests {

    @Test
    void aDatabaseOutOfReachIsRetriable() {
        assertThat(DatabaseUnavailable.is(new CannotGetJdbcConnectionException("no connection", new SQLException("refused", "08001")))).isTrue();
        assertThat(DatabaseUnavailable.is(new IllegalStateException(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(DatabaseUnavailable.is(new RuntimeException(new SQLException("too many connections", "53300")))).isTrue();
    }

    @Test
    void aRollbackThatFailedBecauseTheConnectionWentAwayIsRetriable() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException("terminating connection due to administrator command"));
        assertThat(DatabaseUnavailable.is(rollback)).isTrue();
        // a commit that failed, then the rollback over the cut connection (no application exception recorded)
        assertThat(DatabaseUnavailable.is(new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void ourOwnFaultsAndTheClientsAreNot() {
        assertThat(DatabaseUnavailable.is(new NullPointerException())).isFalse();
        assertThat(DatabaseUnavailable.is(new DataIntegrityViolationException("duplicate key", new SQLException("dup", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.is(new TransactionSystemException("no transaction to roll back", new IllegalStateException()))).isFalse();
    }
}
