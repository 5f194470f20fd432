package dev.attest.sandbox.persona;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Persona's JSON:API shapes with kebab-case keys (the default {@code Key-Inflection}). A mapper of its
 * own: the sandbox may run inside a service whose global Jackson settings (snake case) must not leak into
 * Persona's wire format.
 */
final class PersonaJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private PersonaJson() {}

    static Optional<JsonNode> parse(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.of(MAPPER.createObjectNode());
        }
        try {
            return Optional.of(MAPPER.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Persona's timestamps: ISO 8601 UTC with milliseconds. */
    static String time(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    static ObjectNode inquiry(Inquiry inquiry) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("type", "inquiry");
        data.put("id", inquiry.id);
        ObjectNode attributes = data.putObject("attributes");
        attributes.put("status", inquiry.status);
        attributes.put("reference-id", inquiry.referenceId);
        attributes.put("note", inquiry.note);
        attributes.put("created-at", time(inquiry.createdAt));
        attributes.put("started-at", time(inquiry.startedAt));
        attributes.put("completed-at", time(inquiry.completedAt));
        attributes.put("failed-at", time(inquiry.failedAt));
        attributes.put("decisioned-at", time(inquiry.decisionedAt));
        attributes.put("expired-at", time(inquiry.expiredAt));
        attributes.put("redacted-at", time(inquiry.redactedAt));
        ObjectNode fields = attributes.putObject("fields");
        if (!inquiry.isRedacted()) {
            for (Map.Entry<String, Object> field : inquiry.fields.entrySet()) {
                fields.set(field.getKey(), MAPPER.valueToTree(field.getValue()));
            }
        }
        ObjectNode relationships = data.putObject("relationships");
        ObjectNode template = relationships.putObject("inquiry-template").putObject("data");
        template.put("type", "inquiry-template");
        template.put("id", inquiry.templateId);
        ArrayNode verifications = relationships.putObject("verifications").putArray("data");
        for (Verification verification : inquiry.verifications) {
            verifications.addObject().put("type", verification.type()).put("id", verification.id);
        }
        return data;
    }

    /**
     * A verification as Persona serializes it: its status and times, the inquiry it belongs to, and, for a
     * government id, the data read from the document (here the inquiry's own fields), as Persona's carries the
     * person's name and birthdate: a receiver must not keep what it does not need.
     */
    static ObjectNode verification(Inquiry inquiry, Verification verification) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("type", verification.type());
        data.put("id", verification.id);
        ObjectNode attributes = data.putObject("attributes");
        attributes.put("status", verification.status);
        attributes.put("created-at", time(verification.createdAt));
        attributes.put("submitted-at", time(verification.submittedAt));
        attributes.put("completed-at", time(verification.completedAt));
        if (Verification.GOVERNMENT_ID.equals(verification.kind) && !inquiry.isRedacted()) {
            for (String field : List.of("name-first", "name-last", "birthdate")) {
                attributes.set(field, fieldValue(inquiry.fields.get(field)));
            }
        }
        ObjectNode owner = data.putObject("relationships").putObject("inquiry").putObject("data");
        owner.put("type", "inquiry");
        owner.put("id", inquiry.id);
        return data;
    }

    /** The inquiry's verifications, as {@code included} carries them. */
    static ArrayNode included(Inquiry inquiry) {
        ArrayNode included = MAPPER.createArrayNode();
        inquiry.verifications.forEach(verification -> included.add(verification(inquiry, verification)));
        return included;
    }

    /** A field as given at creation: a bare value, or Persona's {@code {type, value}}. */
    private static JsonNode fieldValue(Object field) {
        JsonNode node = MAPPER.valueToTree(field);
        return node.has("value") ? node.get("value") : node;
    }

    /** A single-resource document: {@code data}, {@code included} and optional {@code meta}. */
    static ObjectNode document(Inquiry inquiry, Map<String, String> meta) {
        ObjectNode document = MAPPER.createObjectNode();
        document.set("data", inquiry(inquiry));
        document.set("included", included(inquiry));
        ObjectNode metaNode = document.putObject("meta");
        meta.forEach(metaNode::put);
        return document;
    }

    static ObjectNode errors(String title, String details, String pointer) {
        ObjectNode document = MAPPER.createObjectNode();
        ArrayNode errors = document.putArray("errors");
        ObjectNode error = errors.addObject();
        error.put("title", title);
        error.put("details", details);
        if (pointer != null) {
            error.putObject("source").put("pointer", pointer);
        }
        return document;
    }
}
