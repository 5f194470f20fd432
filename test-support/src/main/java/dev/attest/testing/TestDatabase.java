package dev.attest.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Reads (and, for a test that stages a state, writes) a service's tables directly: what was recorded, not what
 * the API makes of it.
 */
public final class TestDatabase {
    private final DataSource dataSource;

    public TestDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The first column of the first row, or null without a row. */
    public Object scalar(String sql, Object... parameters) {
        List<Object> column = column(sql, parameters);
        return column.isEmpty() ? null : column.get(0);
    }

    public long count(String sql, Object... parameters) {
        return ((Number) scalar(sql, parameters)).longValue();
    }

    /** The first column of every row. */
    public List<Object> column(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            return read(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row, as text. */
    public List<String> strings(String sql, Object... parameters) {
        return column(sql, parameters).stream()
                .map(value -> value == null ? null : value.toString())
                .toList();
    }

    /** The first column of every row, as whole numbers. */
    public List<Long> longs(String sql, Object... parameters) {
        return strings(sql, parameters).stream().map(Long::valueOf).toList();
    }

    /** Runs an insert, update or delete; returns how many rows it changed. */
    public int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code action} while this test holds the row locks {@code lockingQuery} ({@code select ... for update})
     * takes, so the service cannot change those rows meanwhile; {@code action} is given the rows' first column,
     * read under the lock.
     */
    public void whileLocked(String lockingQuery, List<Object> parameters, Consumer<List<Object>> action) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                action.accept(read(connection, lockingQuery, parameters.toArray()));
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many rows of any table of the service hold {@code text} anywhere in them (for "never stored" checks). */
    public long rowsContaining(String text) {
        long rows = 0;
        for (Object table : column("select table_name from information_schema.tables"
                + " where table_schema = current_schema() and table_type = 'BASE TABLE'")) {
            rows += count("select count(*) from \"" + table + "\" t where t::text like ?", "%" + text + "%");
        }
        return rows;
    }

    private static List<Object> read(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet result = statement.executeQuery()) {
            List<Object> values = new ArrayList<>();
            while (result.next()) {
                values.add(result.getObject(1));
            }
            return values;
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
