package dev.attest.compliance.rest;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the service's database directly, for assertions about what is (not) stored. */
record Sql(AgroalDataSource dataSource) {

    /** The first column of the first row, or null without a row. */
    Object scalar(String sql, Object... parameters) {
        List<Object> column = column(sql, parameters);
        return column.isEmpty() ? null : column.get(0);
    }

    long count(String sql, Object... parameters) {
        return ((Number) scalar(sql, parameters)).longValue();
    }

    List<Object> column(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Object> values = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    values.add(result.getObject(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs an insert, update or delete; returns how many rows it changed. */
    int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many rows of any table of the service hold {@code text} anywhere in them. */
    long rowsContaining(String text) {
        long rows = 0;
        for (Object table : column("select table_name from information_schema.tables"
                + " where table_schema = current_schema() and table_type = 'BASE TABLE'")) {
            rows += count("select count(*) from \"" + table + "\" t where t::text like ?", "%" + text + "%");
        }
        return rows;
    }
}
