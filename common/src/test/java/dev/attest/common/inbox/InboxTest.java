package dev.attest.common.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.common.events.Topics;
import dev.attest.common.testapp.LedgerConsumer;
import dev.attest.common.testapp.Noted;
import dev.attest.common.testapp.Notes;
import dev.attest.testing.EventPublisher;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class InboxTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Notes notes;

    private EventPublisher events;

    @BeforeEach
    void connect() {
        events = new EventPublisher();
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    void redeliveredEventHasNoSecondEffect() throws Exception {
        String key = "dup-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();

        noted(id, key, 1);
        noted(id, key, 1); // the same event again, as Kafka may redeliver it
        String marker = UUID.randomUUID().toString();
        noted(marker, key, 2); // same partition: processed only after both copies

        awaitTrue(() -> ledgerRows(marker) == 1);
        assertThat(ledgerRows(id)).isEqualTo(1);
        assertThat(notes.count("select count(*) from attest_inbox where event_id = ?", id))
                .isEqualTo(1);
    }

    @Test
    void poisonEventsGoToTheDeadLetterTopicAfterBoundedRetriesAndThePartitionKeepsMoving() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        String failing = UUID.randomUUID().toString();
        String good = UUID.randomUUID().toString();
        try (TopicReader deadLetters = TopicReader.of(Topics.deadLetter(Noted.TOPIC))) {
            events.sendNotACloudEvent(Noted.TOPIC, 0, key, "{\"seq\":1}".getBytes(StandardCharsets.UTF_8));
            noted(failing, key, -1); // valid envelope, but the handler fails on it every time
            noted(good, key, 3);

            awaitTrue(() -> ledgerRows(good) == 1);

            List<ConsumerRecord<String, byte[]>> dead = deadLetters.readUntil(
                    r -> r.stream().filter(d -> key.equals(d.key())).count() >= 2, WAIT);
            assertThat(dead.stream().filter(d -> key.equals(d.key())).count()).isEqualTo(2);
        }
        // One attempt and two retries, then the dead-letter topic: no effect, no inbox entry.
        assertThat(LedgerConsumer.ATTEMPTS.get(failing).get()).isEqualTo(3);
        assertThat(ledgerRows(failing)).isZero();
        assertThat(notes.count("select count(*) from attest_inbox where event_id = ?", failing))
                .isZero();
    }

    private long ledgerRows(String eventId) {
        return notes.count("select count(*) from test_ledger where event_id = ?", eventId);
    }

    private void noted(String id, String key, int seq) {
        // Partition 0 for every record of a test, so the order of processing is the order of sending.
        events.event(Noted.TOPIC, Noted.TYPE, "org-test", key, new Noted(key, seq))
                .id(id)
                .partition(0)
                .send();
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within " + WAIT).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
