package dev.attest.compliance.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.compliance.config.ComplianceConfig;
import dev.attest.compliance.provider.ApplicantData;
import dev.attest.compliance.provider.BusinessData;
import dev.attest.compliance.provider.ConnectionCheck;
import dev.attest.compliance.provider.KycProvider;
import dev.attest.compliance.provider.KycProviderException;
import dev.attest.compliance.provider.KycProviderException.Kind;
import dev.attest.compliance.provider.ProviderCredentials;
import dev.attest.compliance.provider.ProviderInquiry;
import dev.attest.compliance.provider.ProviderStep;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sumsub as a {@link KycProvider}: applicants (the case id as {@code externalUserId}), WebSDK access tokens as session
 * tokens, reviews normalized by {@link SumsubReview}. Credentials: the app token as the key, the secret key as the
 * signing secret, the level name as the template.
 */
@ApplicationScoped
public class SumsubKycProvider implements KycProvider {
    public static final String NAME = "sumsub";

    private final SumsubClient client;
    private final Duration requestTimeout;
    private final Duration tokenTtl;

    SumsubKycProvider(SumsubClient client, ComplianceConfig config) {
        this.client = client;
        this.requestTimeout = config.sumsub().requestTimeout();
        this.tokenTtl = config.sumsub().accessTokenTtl();
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Creates the applicant and hands out a WebSDK access token. Sumsub has no idempotency key, but keeps one applicant
     * per {@code externalUserId} and level: a create repeated after a lost answer (ours, or a retry of the client)
     * answers 409, and then the existing applicant is read by its {@code externalUserId}, never a second one created.
     */
    @Override
    public ProviderInquiry open(
            ProviderCredentials credentials, String referenceId, String idempotencyKey, ApplicantData applicant) {
        return create(credentials, referenceId, SumsubApplicants.individual(referenceId, applicant));
    }

    /** A {@code company} applicant at the organization's KYB level, with {@code companyInfo} from the business data. */
    @Override
    public ProviderInquiry openBusiness(
            ProviderCredentials credentials, String referenceId, String idempotencyKey, BusinessData business) {
        return create(credentials, referenceId, SumsubApplicants.company(referenceId, business));
    }

    /** Sumsub's WebSDK permalink for the applicant, valid for {@code sumsub.access-token-ttl}. */
    @Override
    public String verificationLink(ProviderCredentials credentials, String reference) {
        SumsubApi.App app = app(credentials);
        JsonNode applicant = client.applicant(app, reference);
        String url = client.websdkLink(app, externalUserId(applicant), credentials.templateId(), tokenTtl)
                .path("url")
                .asText("");
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw new KycProviderException(Kind.UNAVAILABLE, 200, "Sumsub answered without a link");
        }
        return url;
    }

    /** A fresh access token for the applicant (Sumsub's tokens are per {@code externalUserId} and level). */
    @Override
    public ProviderInquiry resume(ProviderCredentials credentials, String reference) {
        SumsubApi.App app = app(credentials);
        JsonNode applicant = client.applicant(app, reference);
        return withToken(app, credentials, applicant);
    }

    /** The applicant, its review and its document sets, with the review's own time. */
    @Override
    public ProviderInquiry retrieve(ProviderCredentials credentials, String reference) {
        SumsubApi.App app = app(credentials);
        JsonNode applicant = client.applicant(app, reference);
        JsonNode docs = client.requiredIdDocsStatus(app, reference);
        return inquiry(applicant, docs, Optional.empty());
    }

    /**
     * Sumsub has no public API for a client's reviewer to approve or decline an applicant (its decisions are its own
     * reviewers'): nothing is sent. The applicant is read, so a decision on an applicant Sumsub does not know (or with
     * refused credentials) fails as any call would, and Attest records the reviewer's decision itself. A later review
     * at Sumsub (a webhook newer than the decision) still applies.
     */
    @Override
    public ProviderInquiry decide(
            ProviderCredentials credentials, String reference, boolean approve, String idempotencyKey) {
        return inquiry(client.applicant(app(credentials), reference), null, Optional.empty());
    }

    @Override
    public ConnectionCheck checkConnection(ProviderCredentials credentials) {
        if (credentials.signingSecret().isEmpty()) {
            return new ConnectionCheck(ConnectionCheck.Outcome.UNAUTHORIZED, 0);
        }
        return client.probe(app(credentials), requestTimeout);
    }

    private ProviderInquiry create(ProviderCredentials credentials, String referenceId, ObjectNode body) {
        SumsubApi.App app = app(credentials);
        JsonNode applicant;
        try {
            applicant = client.createApplicant(app, credentials.templateId(), body);
        } catch (KycProviderException e) {
            if (e.kind() != Kind.REJECTED || e.status() != 409) {
                throw e;
            }
            applicant = client.applicantByExternalUserId(app, referenceId);
        }
        return withToken(app, credentials, applicant);
    }

    private ProviderInquiry withToken(SumsubApi.App app, ProviderCredentials credentials, JsonNode applicant) {
        String token = client.accessToken(app, externalUserId(applicant), credentials.templateId(), tokenTtl)
                .path("token")
                .asText("");
        if (token.isBlank()) {
            throw new KycProviderException(Kind.UNAVAILABLE, 200, "Sumsub answered without an access token");
        }
        return inquiry(applicant, null, Optional.of(token));
    }

    private static String externalUserId(JsonNode applicant) {
        String id = applicant.path("externalUserId").asText("");
        if (id.isBlank()) {
            throw new KycProviderException(
                    Kind.UNAVAILABLE, 200, "Sumsub answered an applicant without externalUserId");
        }
        return id;
    }

    /** {@code docs} null: the answer had no document sets (they are read only when retrieving). */
    static ProviderInquiry inquiry(JsonNode applicant, JsonNode docs, Optional<String> token) {
        String id = applicant.path("id").asText("");
        if (id.isBlank()) {
            throw new KycProviderException(Kind.UNAVAILABLE, 200, "Sumsub answered without an applicant");
        }
        JsonNode review = applicant.path("review");
        SumsubReview result = SumsubReview.of(review.path("reviewStatus").asText(null), review.path("reviewResult"));
        Optional<OffsetDateTime> at = SumsubReview.time(review.get("reviewDate"))
                .or(() -> SumsubReview.time(review.get("createDate")))
                .or(() -> SumsubReview.time(applicant.get("createdAt")));
        List<ProviderStep> steps = new ArrayList<>();
        at.ifPresent(time -> {
            steps.add(result.asStep(id, time));
            if (docs != null) {
                steps.addAll(SumsubReview.docSteps(id, docs, time));
            }
        });
        return new ProviderInquiry(
                id,
                result.providerStatus(),
                result.status(),
                token,
                at,
                List.copyOf(steps),
                result.reasons(),
                result.retryable());
    }

    private static SumsubApi.App app(ProviderCredentials credentials) {
        return SumsubClient.app(
                credentials.apiKey(),
                credentials
                        .signingSecret()
                        .orElseThrow(() -> new KycProviderException(
                                Kind.REJECTED, 0, "Sumsub needs the app's secret key to sign requests")));
    }
}
