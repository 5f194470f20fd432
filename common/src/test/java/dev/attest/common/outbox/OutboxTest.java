package dev.attest.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.events.EventSchemas;
import dev.attest.common.testapp.Noted;
import dev.attest.common.testapp.Notes;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class OutboxTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Notes notes;

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper mapper;

    @Test
    void committedEventIsPublishedAsBinaryCloudEventWithoutWaitingForAPoll() {
        // The test profile polls once an hour: only the commit's own wake-up can deliver this in time.
        String key = uniqueKey();
        try (TopicReader topic = TopicReader.of(Noted.TOPIC)) {
            notes.note(key, 1);

            List<ConsumerRecord<String, byte[]>> records =
                    topic.readUntil(r -> !withKey(r, key).isEmpty(), WAIT);

            ConsumerRecord<String, byte[]> record = withKey(records, key).get(0);
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_type")).isEqualTo(Noted.TYPE);
            assertThat(header(record, "ce_source")).isEqualTo("/attest/common-test");
            assertThat(header(record, "ce_subject")).isEqualTo("note/" + key);
            assertThat(header(record, "ce_orgid")).isEqualTo("org-test");
            assertThat(header(record, "content-type")).isEqualTo("application/json");
            assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
            assertThat(noted(record)).isEqualTo(new Noted(key, 1));
        }
        assertThat(notes.count("select count(*) from attest_outbox where event_key = ? and sent_at is not null", key))
                .isEqualTo(1);
    }

    @Test
    void rolledBackTransactionPublishesNothing() {
        String key = uniqueKey();
        try (TopicReader topic = TopicReader.of(Noted.TOPIC)) {
            assertThrows(IllegalStateException.class, () -> notes.noteThenFail(key, 1));
            notes.note(key, 2);

            // Same key, same partition: once seq 2 is there, seq 1 would have been before it.
            List<ConsumerRecord<String, byte[]>> records =
                    topic.readUntil(r -> !withKey(r, key).isEmpty(), WAIT);

            assertThat(withKey(records, key)).extracting(r -> noted(r).seq()).containsExactly(2);
        }
        assertThat(notes.count("select count(*) from test_note where note_key = ?", key))
                .isEqualTo(1);
        assertThat(notes.count("select count(*) from attest_outbox where event_key = ?", key))
                .isEqualTo(1);
    }

    @Test
    void eventThatBreaksItsSchemaFailsTheTransaction() {
        String key = uniqueKey();

        assertThrows(EventSchemas.InvalidEventException.class, () -> notes.noteWithInvalidEvent(key, 1));

        assertThat(notes.count("select count(*) from test_note where note_key = ?", key))
                .isZero();
        assertThat(notes.count("select count(*) from attest_outbox where event_key = ?", key))
                .isZero();
    }

    @Test
    void eventCommittedWhileTheRelayIsDownIsPublishedAfterRestart() {
        String key = uniqueKey();
        try (TopicReader topic = TopicReader.of(Noted.TOPIC)) {
            relay.stop(); // as if the process died right after the commit
            try {
                notes.note(key, 1);
                assertThat(withKey(topic.readFor(Duration.ofSeconds(2)), key)).isEmpty();
                assertThat(notes.count(
                                "select count(*) from attest_outbox where event_key = ? and sent_at is null", key))
                        .isEqualTo(1);
            } finally {
                relay.start();
            }

            List<ConsumerRecord<String, byte[]>> records =
                    topic.readUntil(r -> !withKey(r, key).isEmpty(), WAIT);

            assertThat(withKey(records, key)).extracting(r -> noted(r).seq()).containsExactly(1);
        }
        assertThat(notes.count("select count(*) from attest_outbox where event_key = ? and sent_at is null", key))
                .isZero();
    }

    @Test
    void eventsOfOneKeyArriveInTheOrderTheyWereCommitted() throws Exception {
        int keys = 10;
        int perKey = 30;
        String prefix = uniqueKey();
        try (TopicReader topic = TopicReader.of(Noted.TOPIC)) {
            // Four writers at once; each key's events are committed one after the other by one writer.
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int k = 0; k < keys; k++) {
                String key = prefix + "-" + k;
                done.add(writers.submit(() -> IntStream.rangeClosed(1, perKey).forEach(seq -> notes.note(key, seq))));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
            writers.shutdown();

            List<ConsumerRecord<String, byte[]>> records =
                    topic.readUntil(r -> withPrefix(r, prefix).size() >= keys * perKey, WAIT);

            Map<String, List<Integer>> seqsByKey = new LinkedHashMap<>();
            for (ConsumerRecord<String, byte[]> record : withPrefix(records, prefix)) {
                seqsByKey
                        .computeIfAbsent(record.key(), k -> new ArrayList<>())
                        .add(noted(record).seq());
            }
            assertThat(seqsByKey).hasSize(keys);
            List<Integer> expected = IntStream.rangeClosed(1, perKey).boxed().toList();
            seqsByKey.forEach((key, seqs) -> assertThat(seqs).as(key).isEqualTo(expected));
        }
    }

    private static String uniqueKey() {
        return "note-" + UUID.randomUUID();
    }

    private static List<ConsumerRecord<String, byte[]>> withKey(
            List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }

    private static List<ConsumerRecord<String, byte[]>> withPrefix(
            List<ConsumerRecord<String, byte[]>> records, String prefix) {
        return records.stream()
                .filter(r -> r.key() != null && r.key().startsWith(prefix + "-"))
                .toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private Noted noted(ConsumerRecord<String, byte[]> record) {
        try {
            return mapper.readValue(record.value(), Noted.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
