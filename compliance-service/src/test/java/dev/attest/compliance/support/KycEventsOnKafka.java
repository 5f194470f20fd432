package dev.attest.compliance.support;

import static dev.attest.testing.TopicReader.header;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.events.Topics;
import dev.attest.testing.TopicReader;
import dev.attest.testing.Waits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The events of one case on {@code attest.kyc.v1}, as a consumer sees them. */
public final class KycEventsOnKafka implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TopicReader reader = TopicReader.of(Topics.KYC);

    public record Event(String type, String key, String orgId, JsonNode data) {}

    public List<Event> of(String caseId, Predicate<List<Event>> done) {
        List<Event>[] last = new List[1];
        reader.readUntil(
                records -> {
                    last[0] = filter(records, caseId);
                    return done.test(last[0]);
                },
                Waits.TIMEOUT);
        return last[0];
    }

    /** Reads for a while longer: for asserting that nothing more arrives. */
    public List<Event> settle(String caseId, java.time.Duration duration) {
        return filter(reader.readFor(duration), caseId);
    }

    private static List<Event> filter(List<ConsumerRecord<String, byte[]>> records, String caseId) {
        return records.stream()
                .filter(r -> ("kyc-case/" + caseId).equals(header(r, "ce_subject")))
                .map(r -> new Event(header(r, "ce_type"), r.key(), header(r, "ce_orgid"), data(r.value())))
                .toList();
    }

    private static JsonNode data(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        reader.close();
    }
}
