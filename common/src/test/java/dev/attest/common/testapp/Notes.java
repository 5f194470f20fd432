package dev.attest.common.testapp;

import dev.attest.common.events.OutgoingEvent;
import dev.attest.common.outbox.Outbox;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A state change with its event, written the way every service writes them. */
@ApplicationScoped
public class Notes {
    private final AgroalDataSource dataSource;
    private final Outbox outbox;

    Notes(AgroalDataSource dataSource, Outbox outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    @Transactional
    public void note(String key, int seq) {
        write(key, seq);
        outbox.publish(new OutgoingEvent(Noted.TOPIC, Noted.TYPE, key, "note/" + key, "org-test", new Noted(key, seq)));
    }

    /** Writes the note and its event, then fails: the transaction rolls back. */
    @Transactional
    public void noteThenFail(String key, int seq) {
        note(key, seq);
        throw new IllegalStateException("failing after the outbox write");
    }

    /** Writes the note with an event that breaks its schema. */
    @Transactional
    public void noteWithInvalidEvent(String key, int seq) {
        write(key, seq);
        outbox.publish(new OutgoingEvent(
                Noted.TOPIC, Noted.TYPE, key, "note/" + key, "org-test", java.util.Map.of("note_key", key)));
    }

    public long count(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write(String key, int seq) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert =
                        connection.prepareStatement("insert into test_note (note_key, seq) values (?, ?)")) {
            insert.setString(1, key);
            insert.setInt(2, seq);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
