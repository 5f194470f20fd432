package dev.attest.compliance.repository;

import dev.attest.compliance.PersonaWebhook;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Records received webhooks with group commit: the webhooks that arrive while one statement runs are written
 * together by the next, one multi-row insert and one commit for all of them. Each caller still gets its answer
 * only once its own row is committed, so a webhook is durable before Persona hears 200, as before; under load, a
 * commit (a round trip and a WAL record) is shared by many webhooks instead of paid by each.
 *
 * <p>One writer thread: a batch is written while the next one gathers. A batch the database refuses (nothing of
 * it was committed: one statement) is written again webhook by webhook, so that only a webhook it cannot store
 * fails: its caller answers 500 and Persona delivers it again.
 */
@ApplicationScoped
public class PersonaWebhookWriter {
    private static final Logger LOG = Logger.getLogger(PersonaWebhookWriter.class);

    /** The most webhooks one statement writes. */
    static final int MAX_BATCH = 128;

    /** How long a caller waits for its batch: far beyond a healthy database, far within Persona's 5 s budget. */
    private static final long PATIENCE_MS = 4_000;

    // One statement for any number of rows: each column arrives as an array, unnest makes them rows again.
    private static final String INSERT = "insert into persona_webhook (org_id, event_id, name, inquiry_id,"
            + " reference_id, inquiry_status, event_created_at, state, received_at, traceparent, steps)"
            + " select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::timestamptz[], ?::text[], ?::timestamptz[], ?::text[], ?::text[])"
            + " on conflict (org_id, event_id) do nothing returning org_id, event_id";

    private final AgroalDataSource dataSource;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    PersonaWebhookWriter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        this.writer = new Thread(this::writeUntilStopped, "persona-webhook-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        writer.interrupt();
    }

    /**
     * Records a received webhook unless its event id is already recorded for the organization, and returns once
     * that is committed.
     *
     * @return whether it was new: of two deliveries of one event, only one is
     */
    public boolean recordIfNew(PersonaWebhook webhook) {
        Pending pending = new Pending(webhook, new CompletableFuture<>());
        queue.add(pending);
        try {
            return pending.fresh().get(PATIENCE_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof PersistenceException persistence
                    ? persistence
                    : new PersistenceException("Cannot record Persona webhook " + webhook.eventId, e.getCause());
        } catch (TimeoutException e) {
            // It may still be written: a delivery again is then a duplicate, acknowledged, as it should be.
            throw new PersistenceException("Recording Persona webhook " + webhook.eventId + " timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PersistenceException("Interrupted while recording Persona webhook " + webhook.eventId, e);
        }
    }

    private void writeUntilStopped() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                writeOrSplit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    // A batch the database refuses is written again one webhook at a time, so that one it cannot store fails alone.
    private void writeOrSplit(List<Pending> batch) {
        try {
            write(batch);
        } catch (RuntimeException | SQLException e) {
            if (batch.size() > 1) {
                batch.forEach(pending -> writeOrSplit(List.of(pending)));
                return;
            }
            LOG.warnf("recording Persona webhook %s failed: %s", batch.get(0).webhook().eventId, e.toString());
            batch.get(0).fresh().completeExceptionally(new PersistenceException("Cannot record Persona webhook", e));
        }
    }

    private void write(List<Pending> batch) throws SQLException {
        // The same event twice in one batch (a redelivery racing the first): one row, the later ones duplicates.
        List<Pending> distinct = new ArrayList<>(batch.size());
        Set<Key> seen = new HashSet<>();
        List<Pending> repeated = new ArrayList<>();
        for (Pending pending : batch) {
            (seen.add(Key.of(pending.webhook())) ? distinct : repeated).add(pending);
        }
        Set<Key> inserted = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setArray(1, column(connection, distinct, w -> w.orgId));
            insert.setArray(2, column(connection, distinct, w -> w.eventId));
            insert.setArray(3, column(connection, distinct, w -> w.name));
            insert.setArray(4, column(connection, distinct, w -> w.inquiryId));
            insert.setArray(5, column(connection, distinct, w -> w.referenceId));
            insert.setArray(6, column(connection, distinct, w -> w.inquiryStatus));
            insert.setArray(7, column(connection, distinct, w -> w.eventCreatedAt.toString()));
            insert.setArray(8, column(connection, distinct, w -> w.state));
            insert.setArray(9, column(connection, distinct, w -> w.receivedAt.toString()));
            insert.setArray(10, column(connection, distinct, w -> w.traceparent));
            insert.setArray(11, column(connection, distinct, w -> w.steps));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    inserted.add(new Key(rows.getString(1), rows.getString(2)));
                }
            }
        }
        distinct.forEach(pending -> pending.fresh().complete(inserted.contains(Key.of(pending.webhook()))));
        repeated.forEach(pending -> pending.fresh().complete(false));
    }

    private static Array column(Connection connection, List<Pending> batch, Function<PersonaWebhook, String> field)
            throws SQLException {
        return connection.createArrayOf(
                "text",
                batch.stream().map(pending -> field.apply(pending.webhook())).toArray());
    }

    private record Pending(PersonaWebhook webhook, CompletableFuture<Boolean> fresh) {}

    private record Key(String orgId, String eventId) {
        static Key of(PersonaWebhook webhook) {
            return new Key(webhook.orgId, webhook.eventId);
        }
    }
}
