package dev.attest.compliance.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.common.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What every provider's webhook intake answers alike (the body's size bound, refusals and malformed bodies as problems
 * counted by outcome) and how it reads the payload's optional texts, written once for Persona's and Sumsub's.
 */
final class WebhookIntakeAnswers {
    private final MeterRegistry registry;
    private final String metric;

    /** @param metric the provider's counter of webhooks by {@code outcome} ({@code attest.compliance.persona.webhooks}) */
    WebhookIntakeAnswers(MeterRegistry registry, String metric) {
        this.registry = registry;
        this.metric = metric;
    }

    Counter outcome(String outcome) {
        return registry.counter(metric, "outcome", outcome);
    }

    /** The body (none: empty), or 413 {@code payload-too-large} when it exceeds {@code maxBytes}. */
    byte[] bounded(byte[] body, int maxBytes) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (bytes.length > maxBytes) {
            throw refused(
                    413, "payload-too-large", "Payload too large", "The webhook body exceeds " + maxBytes + " bytes.");
        }
        return bytes;
    }

    /** A refusal, counted under its slug. */
    ProblemException refused(int status, String slug, String title, String detail) {
        outcome(slug).increment();
        return new ProblemException(status, slug, title, detail);
    }

    ProblemException malformed(String detail) {
        return refused(400, "malformed-webhook", "Malformed webhook", detail);
    }

    /** A text field's value; none when it is absent, not text, or blank. */
    static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
