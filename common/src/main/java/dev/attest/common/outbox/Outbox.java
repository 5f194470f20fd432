package dev.attest.common.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.events.EventSchemas;
import dev.attest.common.events.OutgoingEvent;
import dev.attest.common.tracing.EventSpans;
import dev.attest.common.work.Workers;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records domain events in the outbox table, inside the caller's transaction. The event is published by
 * the {@link OutboxRelay} only once that transaction has committed: a rollback publishes nothing. Each row keeps
 * the trace context of the event's creation ({@link EventSpans#created}), which the relay sends as the event's
 * {@code traceparent}.
 */
@ApplicationScoped
public class Outbox {
    private static final String INSERT = "insert into attest_outbox"
            + " (id, topic, event_key, type, source, subject, org_id, traceparent, data)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)";

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final EventSchemas schemas;
    private final Workers workers;
    private final EventSpans spans;
    private final String source;

    Outbox(
            AgroalDataSource dataSource,
            ObjectMapper mapper,
            EventSchemas schemas,
            Workers workers,
            EventSpans spans,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.schemas = schemas;
        this.workers = workers;
        this.spans = spans;
        this.source = "/attest/" + applicationName;
    }

    /**
     * Writes {@code event} to the outbox. Must run inside the transaction that makes the state change the
     * event announces; an event that does not match its JSON Schema fails that transaction.
     *
     * @return the CloudEvents id of the event
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(OutgoingEvent event) {
        JsonNode data = mapper.valueToTree(event.data());
        schemas.validate(event.type(), data);
        UUID id = UUID.randomUUID();
        String traceparent = spans.created(id, source, event);
        // The datasource hands out the connection already enlisted in the caller's transaction.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, id);
            insert.setString(2, event.topic());
            insert.setString(3, event.key());
            insert.setString(4, event.type());
            insert.setString(5, source);
            insert.setString(6, event.subject());
            insert.setString(7, event.orgId());
            insert.setString(8, traceparent);
            insert.setString(9, mapper.writeValueAsString(data));
            insert.executeUpdate();
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event.type() + " to the outbox", e);
        }
        workers.wakeAfterCommit(OutboxRelay.NAME);
        return id;
    }
}
