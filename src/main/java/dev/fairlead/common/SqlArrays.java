package dev.fairlead.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;

/**
 * PostgreSQL array parameters for {@code JdbcClient}. Named-parameter SQL expands plain Java
 * collections into {@code ?, ?, ?}, so arrays are bound explicitly as SQL arrays instead.
 */
public final class SqlArrays {

    private SqlArrays() {}

    public static Object text(Collection<String> values) {
        return of("text", values.toArray());
    }

    public static Object bigint(Collection<Long> values) {
        return of("bigint", values.toArray());
    }

    public static Object integer(Collection<Integer> values) {
        return of("integer", values.toArray());
    }

    /** An array of any PostgreSQL element type ({@code "timestamptz"}, {@code "numeric"} …); nulls allowed. */
    public static Object typed(String type, Collection<?> values) {
        return of(type, values.toArray());
    }

    private static Object of(String type, Object[] values) {
        return new AbstractSqlTypeValue() {
            @Override
            protected Object createTypeValue(Connection con, int sqlType, String typeName) throws SQLException {
                return con.createArrayOf(type, values);
            }
        };
    }
}
