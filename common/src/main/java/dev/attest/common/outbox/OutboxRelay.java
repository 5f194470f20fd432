package dev.attest.common.outbox;

import dev.attest.common.work.DurableWork;
import dev.attest.common.work.Workers;
import dev.attest.contracts.EventEnvelope;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes committed outbox rows to Kafka, in the order they were written, and stamps them sent.
 *
 * <p>A row is stamped only after Kafka has acknowledged it (idempotent producer, {@code acks=all}), in
 * the same transaction that read it: a crash in between publishes the row again after restart, which the
 * consumers' inbox absorbs. One relay is active at a time across replicas (its work's exclusive lease),
 * which keeps the per-key order of the table on the topic. Run by {@link Workers} like every durable work.
 */
@ApplicationScoped
public class OutboxRelay implements DurableWork {
    public static final String NAME = "outbox-relay";
    /** Arbitrary constant naming the relay's advisory lock; the same in every service's own database. */
    private static final long RELAY_LOCK = 0x0A77E5700B0CL;

    private static final String SELECT_UNSENT = "select id, topic, event_key, type, source, subject, org_id,"
            + " traceparent, data::text, created_at from attest_outbox where sent_at is null order by seq limit ?";
    private static final String MARK_SENT = "update attest_outbox set sent_at = now() where id = any(?)";
    private static final String PURGE_SENT = "delete from attest_outbox where sent_at < now() - ?::interval";

    private final AgroalDataSource dataSource;
    private final OutboxProducerFactory producers;
    private final OutboxConfig config;
    private final Workers workers;
    private final Counter published;

    private Producer<String, byte[]> producer;
    private long lastPurge;

    OutboxRelay(
            AgroalDataSource dataSource,
            OutboxProducerFactory producers,
            OutboxConfig config,
            Workers workers,
            MeterRegistry registry) {
        this.dataSource = dataSource;
        this.producers = producers;
        this.config = config;
        this.workers = workers;
        this.published = Counter.builder("attest.outbox.published")
                .description("Events published from the outbox to Kafka")
                .register(registry);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration pollInterval() {
        return config.pollInterval();
    }

    @Override
    public OptionalLong exclusiveLock() {
        return OptionalLong.of(RELAY_LOCK);
    }

    @Override
    public Pass runPass() {
        int sent = publishBatch();
        if (System.nanoTime() - lastPurge > TimeUnit.HOURS.toNanos(1)) {
            purgeSent();
            lastPurge = System.nanoTime();
        }
        return Pass.ofBatch(sent, config.batchSize());
    }

    /** Starts the relay; rows left unsent by an earlier process are published first. */
    public void start() {
        workers.start(NAME);
    }

    /** Stops the relay as a process exit would: what is not stamped sent stays in the table. */
    public void stop() {
        workers.stop(NAME);
    }

    /** Asks the relay to look at the table now (called after a transaction with outbox rows commits). */
    public void wake() {
        workers.wake(NAME);
    }

    @PreDestroy
    synchronized void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = producers.create();
        }
        return producer;
    }

    /** Publishes one batch of unsent rows and stamps them; returns how many were published. */
    int publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                List<Row> rows = readUnsent(connection);
                if (rows.isEmpty()) {
                    return 0;
                }
                Producer<String, byte[]> producer = producer();
                List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
                for (Row row : rows) {
                    acks.add(producer.send(row.toRecord()));
                }
                producer.flush();
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(); // throws if Kafka refused any record: nothing of this batch is stamped
                }
                markSent(connection, rows);
                published.increment(rows.size());
                return rows.size();
            }
        });
    }

    private List<Row> readUnsent(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_UNSENT)) {
            select.setInt(1, config.batchSize());
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(
                            result.getObject(1, UUID.class),
                            result.getString(2),
                            result.getString(3),
                            result.getString(4),
                            result.getString(5),
                            result.getString(6),
                            result.getString(7),
                            result.getString(8),
                            result.getString(9),
                            result.getObject(10, OffsetDateTime.class)));
                }
            }
        }
        return rows;
    }

    private static void markSent(Connection connection, List<Row> rows) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(MARK_SENT)) {
            update.setArray(
                    1,
                    connection.createArrayOf("uuid", rows.stream().map(Row::id).toArray()));
            update.executeUpdate();
        }
    }

    private void purgeSent() {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement purge = connection.prepareStatement(PURGE_SENT)) {
                purge.setString(1, config.retention().toSeconds() + " seconds");
                purge.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot purge sent outbox rows", e);
            }
        });
    }

    private record Row(
            UUID id,
            String topic,
            String key,
            String type,
            String source,
            String subject,
            String orgId,
            String traceparent,
            String data,
            OffsetDateTime createdAt) {

        ProducerRecord<String, byte[]> toRecord() {
            return new EventEnvelope(id.toString(), type, source, subject, createdAt, orgId, traceparent)
                    .toRecord(topic, null, key, data.getBytes(StandardCharsets.UTF_8));
        }
    }
}
