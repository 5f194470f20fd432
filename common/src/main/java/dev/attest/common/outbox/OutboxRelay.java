package dev.attest.common.outbox;

import dev.attest.common.events.CloudEventAttributes;
import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka, in the order they were written, and stamps them sent.
 *
 * <p>A row is stamped only after Kafka has acknowledged it (idempotent producer, {@code acks=all}), in
 * the same transaction that read it: a crash in between publishes the row again after restart, which the
 * consumers' inbox absorbs. One relay is active at a time across replicas (a transaction-scoped advisory
 * lock), which keeps the per-key order of the table on the topic.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant naming the relay's advisory lock; the same in every service's own database. */
    private static final long RELAY_LOCK = 0x0A77E5700B0CL;

    private static final String SELECT_UNSENT = "select id, topic, event_key, type, source, subject, org_id,"
            + " traceparent, data::text, created_at from attest_outbox where sent_at is null order by seq limit ?";
    private static final String MARK_SENT = "update attest_outbox set sent_at = now() where id = any(?)";
    private static final String PURGE_SENT = "delete from attest_outbox where sent_at < now() - ?::interval";

    private final AgroalDataSource dataSource;
    private final OutboxProducerFactory producers;
    private final OutboxConfig config;
    private final Counter published;
    private final BlockingQueue<Boolean> wakeups = new ArrayBlockingQueue<>(1);

    private volatile Thread worker;
    private Producer<String, byte[]> producer;

    OutboxRelay(
            AgroalDataSource dataSource, OutboxProducerFactory producers, OutboxConfig config, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.producers = producers;
        this.config = config;
        this.published = Counter.builder("attest.outbox.published")
                .description("Events published from the outbox to Kafka")
                .register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.relayEnabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts the relay thread; rows left unsent by an earlier process are published first. */
    public synchronized void start() {
        if (worker != null) {
            return;
        }
        producer = producers.create();
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops the relay thread as a process exit would: what is not stamped sent stays in the table. */
    public synchronized void stop() {
        Thread running = worker;
        if (running == null) {
            return;
        }
        worker = null;
        running.interrupt();
        try {
            running.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
        producer = null;
    }

    /** Asks the relay to look at the table now (called after a transaction with outbox rows commits). */
    public void wake() {
        wakeups.offer(Boolean.TRUE);
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        long lastPurge = 0;
        while (worker == Thread.currentThread()) {
            try {
                if (!backoff.isZero()) {
                    Thread.sleep(backoff.toMillis());
                }
                int sent = publishBatch();
                backoff = Duration.ZERO;
                if (System.nanoTime() - lastPurge > TimeUnit.HOURS.toNanos(1)) {
                    purgeSent();
                    lastPurge = System.nanoTime();
                }
                if (sent < config.batchSize()) {
                    wakeups.poll(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (worker != Thread.currentThread()) {
                    return;
                }
                backoff = nextBackoff(backoff);
                LOG.warnf("Outbox relay failed (%s); retrying in %s", e.getMessage(), backoff);
            }
        }
    }

    private Duration nextBackoff(Duration current) {
        Duration next = current.isZero() ? Duration.ofMillis(200) : current.multipliedBy(2);
        return next.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : next;
    }

    /** Publishes one batch of unsent rows and stamps them; returns how many were published. */
    int publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!holdsRelayLock(connection)) {
                    return 0;
                }
                List<Row> rows = readUnsent(connection);
                if (rows.isEmpty()) {
                    return 0;
                }
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

    private static boolean holdsRelayLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
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
            CloudEventBuilder builder = CloudEventBuilder.v1()
                    .withId(id.toString())
                    .withType(type)
                    .withSource(URI.create(source))
                    .withTime(createdAt)
                    .withDataContentType("application/json")
                    .withData(data.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .withExtension(CloudEventAttributes.ORG_ID, orgId);
            if (subject != null) {
                builder.withSubject(subject);
            }
            if (traceparent != null) {
                builder.withExtension(CloudEventAttributes.TRACEPARENT, traceparent);
            }
            CloudEvent event = builder.build();
            return KafkaMessageFactory.createWriter(topic, key).writeBinary(event);
        }
    }
}
