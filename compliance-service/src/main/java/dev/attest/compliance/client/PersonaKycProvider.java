package dev.attest.compliance.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.compliance.config.ComplianceConfig;
import dev.attest.compliance.provider.ApplicantData;
import dev.attest.compliance.provider.BusinessData;
import dev.attest.compliance.provider.ConnectionCheck;
import dev.attest.compliance.provider.KycProvider;
import dev.attest.compliance.provider.KycProviderException;
import dev.attest.compliance.provider.ProviderCredentials;
import dev.attest.compliance.provider.ProviderInquiry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/** Persona as a {@link KycProvider}: inquiries, sessions (resume) and decisions, normalized. */
@ApplicationScoped
public class PersonaKycProvider implements KycProvider {
    public static final String NAME = "persona";

    private final PersonaClient client;
    private final Duration requestTimeout;

    PersonaKycProvider(PersonaClient client, ComplianceConfig config) {
        this.client = client;
        this.requestTimeout = config.persona().requestTimeout();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderInquiry open(
            ProviderCredentials credentials, String referenceId, String idempotencyKey, ApplicantData applicant) {
        return create(credentials, referenceId, idempotencyKey, PersonaFields.of(applicant));
    }

    /** A KYB inquiry: the same inquiry API, the organization's KYB template, the company as business fields. */
    @Override
    public ProviderInquiry openBusiness(
            ProviderCredentials credentials, String referenceId, String idempotencyKey, BusinessData business) {
        return create(credentials, referenceId, idempotencyKey, PersonaBusinessFields.of(business));
    }

    /**
     * Persona's one-time link ({@code POST /inquiries/{id}/generate-one-time-link}, {@code meta.one-time-link}):
     * single use, unlike a link carrying a session token, so it is what goes to a person outside the console.
     */
    @Override
    public String verificationLink(ProviderCredentials credentials, String reference) {
        JsonNode answer = guarded(() -> client.generateOneTimeLink(credentials.apiKey(), reference));
        String link = answer.path("meta").path("one-time-link").asText("");
        if (!link.startsWith("https://") && !link.startsWith("http://")) {
            throw new KycProviderException(
                    KycProviderException.Kind.UNAVAILABLE, 200, "Persona answered without a one-time link");
        }
        return link;
    }

    private ProviderInquiry create(
            ProviderCredentials credentials, String referenceId, String idempotencyKey, Map<String, String> fields) {
        JsonNode created = guarded(() -> client.createInquiry(
                credentials.apiKey(), credentials.templateId(), referenceId, fields, idempotencyKey));
        ProviderInquiry inquiry = inquiry(created);
        if (inquiry.sessionToken().isPresent()) {
            return inquiry;
        }
        // Versions whose create answer has no session token hand one out on resume.
        return resume(credentials, inquiry.reference());
    }

    @Override
    public ProviderInquiry resume(ProviderCredentials credentials, String reference) {
        return inquiry(guarded(() -> client.resumeInquiry(credentials.apiKey(), reference)));
    }

    @Override
    public ProviderInquiry decide(
            ProviderCredentials credentials, String reference, boolean approve, String idempotencyKey) {
        return inquiry(guarded(() -> client.decideInquiry(credentials.apiKey(), reference, approve, idempotencyKey)));
    }

    @Override
    public ProviderInquiry retrieve(ProviderCredentials credentials, String reference) {
        return inquiry(guarded(() -> client.retrieveInquiry(credentials.apiKey(), reference)));
    }

    @Override
    public ConnectionCheck checkConnection(ProviderCredentials credentials) {
        return client.probe(credentials.apiKey(), requestTimeout);
    }

    private static ProviderInquiry inquiry(JsonNode document) {
        JsonNode data = document.path("data");
        String id = data.path("id").asText(null);
        if (id == null || !"inquiry".equals(data.path("type").asText())) {
            throw new KycProviderException(
                    KycProviderException.Kind.UNAVAILABLE, 200, "Persona answered without an inquiry");
        }
        String status = data.path("attributes").path("status").asText(null);
        Optional<String> token = Optional.ofNullable(
                        document.path("meta").path("session-token").asText(null))
                .filter(value -> !value.isBlank());
        Optional<OffsetDateTime> statusAt = statusAt(data.path("attributes"));
        return new ProviderInquiry(
                id,
                status,
                PersonaStatusMapping.toKycStatus(status),
                token,
                statusAt,
                PersonaSteps.ofInquiry(data, document.path("included"), statusAt.orElse(null)));
    }

    /**
     * When the inquiry last changed: the latest of its timestamps that a status change sets (Persona's own
     * clock, as its events' created-at). Not {@code expires-at}, which lies ahead.
     */
    static Optional<OffsetDateTime> statusAt(JsonNode attributes) {
        return PersonaSteps.latest(attributes, PersonaSteps.INQUIRY_TIMES);
    }

    private static JsonNode guarded(Supplier<JsonNode> call) {
        try {
            return call.get();
        } catch (CircuitBreakerOpenException e) {
            throw new KycProviderException(
                    KycProviderException.Kind.UNAVAILABLE, 0, "Persona is failing; calls are paused for a while", e);
        }
    }
}
