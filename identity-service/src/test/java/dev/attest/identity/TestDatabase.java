package dev.attest.identity;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads identity-service's tables directly in tests: what was recorded, not what the API makes of it. */
public final class TestDatabase {
    private final AgroalDataSource dataSource;

    public TestDatabase(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long count(String sql, Object... parameters) {
        return longs(sql, parameters).get(0);
    }

    public List<Long> longs(String sql, Object... parameters) {
        List<Long> values = new ArrayList<>();
        for (String value : strings(sql, parameters)) {
            values.add(Long.valueOf(value));
        }
        return values;
    }

    /**
     * Runs {@code action} while this test holds the row locks {@code lockingQuery} ({@code select ... for
     * update}) takes, so the service cannot change those rows meanwhile; {@code action} is given the rows' first
     * column as text, read under the lock.
     */
    public void whileLocked(
            String lockingQuery, List<Object> parameters, java.util.function.Consumer<List<String>> action) {
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

    /** The first column of every row, as text. */
    public List<String> strings(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            return read(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> read(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
