package dev.attest.identity.support;

import static dev.attest.testing.TopicReader.header;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.events.Topics;
import dev.attest.testing.TopicReader;
import dev.attest.testing.Waits;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads what identity-service published on attest.identity.v1, by Kafka key and CloudEvents type. */
public final class IdentityEventsRead {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private IdentityEventsRead() {}

    /** Waits until {@code count} events of {@code type} with {@code keys} are there (or the wait ends). */
    public static List<JsonNode> await(Predicate<String> keys, String type, int count) {
        return await(keys, type, count, Waits.TIMEOUT);
    }

    public static List<JsonNode> await(Predicate<String> keys, String type, int count, Duration wait) {
        try (TopicReader reader = TopicReader.of(Topics.IDENTITY)) {
            return matching(reader.readUntil(r -> matching(r, keys, type).size() >= count, wait), keys, type);
        }
    }

    /** The {@code traceparent} of each event of {@code type} with {@code keys}, once {@code count} are there. */
    public static List<String> awaitTraceparents(Predicate<String> keys, String type, int count) {
        try (TopicReader reader = TopicReader.of(Topics.IDENTITY)) {
            return reader.readUntil(r -> matching(r, keys, type).size() >= count, Waits.TIMEOUT).stream()
                    .filter(r -> r.key() != null && keys.test(r.key()))
                    .filter(r -> type.equals(header(r, "ce_type")))
                    .map(r -> header(r, "ce_traceparent"))
                    .toList();
        }
    }

    /** Everything of {@code type} with {@code keys} published so far, read for a moment. */
    public static List<JsonNode> readFor(Predicate<String> keys, String type, Duration duration) {
        try (TopicReader reader = TopicReader.of(Topics.IDENTITY)) {
            return matching(reader.readFor(duration), keys, type);
        }
    }

    private static List<JsonNode> matching(
            List<ConsumerRecord<String, byte[]>> records, Predicate<String> keys, String type) {
        return records.stream()
                .filter(r -> r.key() != null && keys.test(r.key()))
                .filter(r -> type.equals(header(r, "ce_type")))
                .map(IdentityEventsRead::data)
                .toList();
    }

    private static JsonNode data(ConsumerRecord<String, byte[]> record) {
        try {
            return MAPPER.readTree(record.value());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
