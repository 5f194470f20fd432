package dev.attest.common.testapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.events.OutgoingEvent;
import dev.attest.common.inbox.Inbox;
import dev.attest.common.inbox.IncomingEvent;
import dev.attest.common.inbox.PoisonEventException;
import dev.attest.common.outbox.Outbox;
import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A consumer written the way every service writes them: inbox, bounded retries, then the DLQ. A note whose key
 * starts with {@value #ECHO} is answered with a note of its own ({@code <key>-reply}), published through the
 * outbox from the handler, as a service reacts to another's event (the tracing tests).
 */
@ApplicationScoped
public class LedgerConsumer {
    /** Attempts per event id, so tests can see that retries are bounded. */
    public static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    public static final String ECHO = "echo-";

    private final Inbox inbox;
    private final ObjectMapper mapper;
    private final AgroalDataSource dataSource;
    private final Outbox outbox;

    LedgerConsumer(Inbox inbox, ObjectMapper mapper, AgroalDataSource dataSource, Outbox outbox) {
        this.inbox = inbox;
        this.mapper = mapper;
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    @Incoming("test-events")
    @Blocking
    @Retry(maxRetries = 2, delay = 50, abortOn = PoisonEventException.class)
    public void consume(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        ATTEMPTS.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        inbox.processOnce("test-ledger", event, this::apply);
    }

    private void apply(IncomingEvent event) {
        Noted noted = event.dataAs(mapper, Noted.class);
        if (noted.seq() < 0) {
            throw new IllegalStateException("the ledger refuses negative sequence numbers");
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into test_ledger (event_id, note_key, seq) values (?, ?, ?)")) {
            insert.setString(1, event.id());
            insert.setString(2, noted.noteKey());
            insert.setInt(3, noted.seq());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (noted.noteKey().startsWith(ECHO) && !noted.noteKey().endsWith("-reply")) {
            String reply = noted.noteKey() + "-reply";
            outbox.publish(new OutgoingEvent(
                    Noted.TOPIC, Noted.TYPE, reply, "note/" + reply, "org-test", new Noted(reply, 1)));
        }
    }
}
