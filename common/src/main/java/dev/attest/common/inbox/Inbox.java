package dev.attest.common.inbox;

import dev.attest.common.tracing.EventSpans;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Makes a consumer idempotent: the event id is recorded in the same transaction as the consumer's effect,
 * so a redelivered event finds its id and has no second effect, and a failed effect leaves no id behind
 * and is tried again.
 *
 * <p>Each delivery is processed in a consumer span whose parent is the event's {@code traceparent} ({@link
 * EventSpans}): the handler's work, and the events it publishes, belong to the trace that produced the event.
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final String RECORD = "insert into attest_inbox (consumer, event_id, type) values (?, ?, ?)"
            + " on conflict (consumer, event_id) do nothing";

    private final AgroalDataSource dataSource;
    private final MeterRegistry registry;
    private final EventSpans spans;

    Inbox(AgroalDataSource dataSource, MeterRegistry registry, EventSpans spans) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.spans = spans;
    }

    /**
     * Runs {@code effect} for {@code event} unless {@code consumer} has already processed it.
     *
     * @param consumer names the handler; one service may consume the same event in several handlers
     * @return whether the effect ran
     */
    public boolean processOnce(String consumer, IncomingEvent event, Consumer<IncomingEvent> effect) {
        // The span encloses the transaction, commit included: a commit that fails is a failed delivery.
        return spans.processing(consumer, event, () -> QuarkusTransaction.joiningExisting()
                .call(() -> processInTransaction(consumer, event, effect)));
    }

    private boolean processInTransaction(String consumer, IncomingEvent event, Consumer<IncomingEvent> effect) {
        if (!record(consumer, event)) {
            LOG.debugf("%s: event %s (%s) already processed", consumer, event.id(), event.type());
            registry.counter("attest.inbox.duplicates", "consumer", consumer).increment();
            return false;
        }
        effect.accept(event);
        registry.counter("attest.inbox.processed", "consumer", consumer).increment();
        return true;
    }

    private boolean record(String consumer, IncomingEvent event) {
        // A concurrent delivery of the same id waits on the primary key here until the first commits.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(RECORD)) {
            insert.setString(1, consumer);
            insert.setString(2, event.id());
            insert.setString(3, event.type());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record event " + event.id() + " in the inbox", e);
        }
    }
}
