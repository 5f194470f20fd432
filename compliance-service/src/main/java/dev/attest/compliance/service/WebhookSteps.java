package dev.attest.compliance.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.attest.compliance.StepStatus;
import dev.attest.compliance.provider.ProviderStep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps a stored webhook carries, as the JSON of its {@code steps} column: kind, provider id and status, and
 * time of each, which is all the worker applying it later needs (the payload itself is not kept).
 */
final class WebhookSteps {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookSteps() {}

    static String write(List<ProviderStep> steps) {
        if (steps.isEmpty()) {
            return null;
        }
        ArrayNode array = JSON.createArrayNode();
        for (ProviderStep step : steps) {
            array.addObject()
                    .put("kind", step.kind())
                    .put("id", step.providerId())
                    .put("provider_status", step.providerStatus())
                    .put("status", step.status().wire())
                    .put("at", step.at().toString());
        }
        return array.toString();
    }

    static List<ProviderStep> read(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            List<ProviderStep> steps = new ArrayList<>();
            for (JsonNode step : JSON.readTree(json)) {
                steps.add(new ProviderStep(
                        step.path("kind").asText(),
                        step.path("id").asText(),
                        step.path("provider_status").asText(),
                        StepStatus.fromWire(step.path("status").asText()),
                        OffsetDateTime.parse(step.path("at").asText())));
            }
            return steps;
        } catch (IOException e) {
            throw new UncheckedIOException("Stored webhook steps are not readable", e);
        }
    }
}
