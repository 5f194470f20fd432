package dev.attest.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.events.Topics;
import dev.attest.testing.TopicReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Reads what identity-service published on attest.identity.v1, by Kafka key and CloudEvents type. */
public final class IdentityEventsRead {
    static final Duration WAIT = Duration.ofSeconds(90);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private IdentityEventsRead() {}

    /** Waits until {@code count} events of {@code type} with {@code keys} are there (or the wait ends). */
    public static List<JsonNode> await(Predicate<String> keys, String type, int count) {
        return await(keys, type, count, WAIT);
    }

    static List<JsonNode> await(Predicate<String> keys, String type, int count, Duration wait) {
        try (TopicReader reader = TopicReader.of(Topics.IDENTITY)) {
            return matching(reader.readUntil(r -> matching(r, keys, type).size() >= count, wait), keys, type);
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

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static JsonNode data(ConsumerRecord<String, byte[]> record) {
        try {
            return MAPPER.readTree(record.value());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
