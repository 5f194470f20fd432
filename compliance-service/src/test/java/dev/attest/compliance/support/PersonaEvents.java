package dev.attest.compliance.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Persona event bodies in Persona's shape (docs.withpersona.com, Webhooks: an {@code event} whose payload is the
 * inquiry, its verifications {@code included}, or a {@code verification/<kind>} with its inquiry in {@code
 * relationships}), written out here rather than borrowed from the sandbox. A government id carries the person's
 * name, as Persona's does.
 */
public final class PersonaEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PersonaEvents() {}

    /** A verification as Persona serializes it: its status and the times its lifecycle stamps so far. */
    public record Check(
            String id, String kind, String status, Instant createdAt, Instant submittedAt, Instant completedAt) {

        ObjectNode resource(String inquiryId) {
            ObjectNode data = JSON.createObjectNode();
            data.put("type", "verification/" + kind);
            data.put("id", id);
            ObjectNode attributes = data.putObject("attributes");
            attributes.put("status", status);
            attributes.put("created-at", time(createdAt));
            attributes.put("submitted-at", time(submittedAt));
            attributes.put("completed-at", time(completedAt));
            if (kind.equals("government-id")) {
                attributes.put("name-first", "Ada");
                attributes.put("name-last", "Lovelace");
                attributes.put("birthdate", "1815-12-10");
            }
            ObjectNode inquiry =
                    data.putObject("relationships").putObject("inquiry").putObject("data");
            inquiry.put("type", "inquiry");
            inquiry.put("id", inquiryId);
            return data;
        }
    }

    /** An inquiry's event: {@code statusAt} is the inquiry's own latest change, sent as its {@code updated-at}. */
    public static byte[] inquiryEvent(
            String eventId,
            String name,
            Instant createdAt,
            String inquiryId,
            String status,
            Instant statusAt,
            List<Check> included) {
        ObjectNode data = JSON.createObjectNode();
        data.put("type", "inquiry");
        data.put("id", inquiryId);
        ObjectNode attributes = data.putObject("attributes");
        attributes.put("status", status);
        attributes.put("updated-at", time(statusAt));
        ArrayNode includedNode = JSON.createArrayNode();
        included.forEach(check -> includedNode.add(check.resource(inquiryId)));
        return envelope(eventId, name, createdAt, data, includedNode);
    }

    public static byte[] verificationEvent(
            String eventId, String name, Instant createdAt, String inquiryId, Check check) {
        return envelope(eventId, name, createdAt, check.resource(inquiryId), JSON.createArrayNode());
    }

    private static byte[] envelope(
            String eventId, String name, Instant createdAt, ObjectNode subject, ArrayNode included) {
        ObjectNode envelope = JSON.createObjectNode();
        ObjectNode data = envelope.putObject("data");
        data.put("type", "event");
        data.put("id", eventId);
        ObjectNode attributes = data.putObject("attributes");
        attributes.put("name", name);
        attributes.put("created-at", time(createdAt));
        ObjectNode payload = attributes.putObject("payload");
        payload.set("data", subject);
        payload.set("included", included);
        return envelope.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
