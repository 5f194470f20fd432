package dev.attest.compliance.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.net.ProviderPath;
import dev.attest.compliance.config.ComplianceConfig;
import dev.attest.compliance.provider.ConnectionCheck;
import dev.attest.compliance.provider.KycProviderException;
import dev.attest.compliance.provider.KycProviderException.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Sumsub's applicant API for this service: JSON in and out, its errors ({@code {description, code}}) translated, 429
 * and 5xx (and no answer) retried with doubling backoff, and one circuit breaker for every call to Sumsub (named
 * {@value #CIRCUIT}, as Persona's: 10 calls, half failing, open for 10 s; 4xx do not count). Each attempt is signed
 * afresh ({@link SumsubApi}).
 */
@ApplicationScoped
public class SumsubClient {
    public static final String CIRCUIT = "sumsub";

    static final ObjectMapper JSON = new ObjectMapper();

    private final SumsubApi api;
    private final ProviderGuards<SumsubApi.Answer> guards;

    SumsubClient(SumsubApi api, ComplianceConfig config) {
        this.api = api;
        ComplianceConfig.Sumsub sumsub = config.sumsub();
        this.guards = new ProviderGuards<>(
                "Sumsub",
                CIRCUIT,
                SumsubApi.Answer.class,
                SumsubRefusedException.class,
                SumsubRefusedException::new,
                SumsubClient::description,
                body -> "",
                sumsub.maxAttempts(),
                sumsub.retryBackoff(),
                null);
    }

    /** An app's credentials for the calls below. */
    public static SumsubApi.App app(String appToken, String secretKey) {
        return new SumsubApi.App(appToken, secretKey);
    }

    public JsonNode createApplicant(SumsubApi.App app, String levelName, JsonNode applicant) {
        return call(
                "POST",
                ProviderPath.of("/resources/applicants").withQuery("levelName=" + query(levelName)),
                app,
                applicant);
    }

    /** The applicant whose {@code externalUserId} is {@code externalUserId} (our case id). */
    public JsonNode applicantByExternalUserId(SumsubApi.App app, String externalUserId) {
        return call(
                "GET",
                ProviderPath.of("/resources/applicants/-;externalUserId={external-user-id}/one", externalUserId),
                app,
                null);
    }

    public JsonNode applicant(SumsubApi.App app, String applicantId) {
        return call(
                "GET", ProviderPath.of("/resources/applicants/{applicant-id}/one", sumsubId(applicantId)), app, null);
    }

    public JsonNode requiredIdDocsStatus(SumsubApi.App app, String applicantId) {
        return call(
                "GET",
                ProviderPath.of("/resources/applicants/{applicant-id}/requiredIdDocsStatus", sumsubId(applicantId)),
                app,
                null);
    }

    /** A WebSDK access token for the applicant of {@code externalUserId} at {@code levelName}. */
    public JsonNode accessToken(SumsubApi.App app, String externalUserId, String levelName, Duration ttl) {
        return call(
                "POST", ProviderPath.of("/resources/accessTokens/sdk"), app, forUser(externalUserId, levelName, ttl));
    }

    /** A WebSDK permalink (external link) for the applicant of {@code externalUserId} at {@code levelName}. */
    public JsonNode websdkLink(SumsubApi.App app, String externalUserId, String levelName, Duration ttl) {
        return call(
                "POST",
                ProviderPath.of("/resources/sdkIntegrations/levels/-/websdkLink"),
                app,
                forUser(externalUserId, levelName, ttl));
    }

    /** The body of a WebSDK token or link: whose, at which level, for how long. */
    private static JsonNode forUser(String externalUserId, String levelName, Duration ttl) {
        return JSON.createObjectNode()
                .put("userId", externalUserId)
                .put("levelName", levelName)
                .put("ttlInSecs", ttl.toSeconds());
    }

    /**
     * One signed read of an applicant that cannot exist, classified: no retries and no circuit breaker, so it tells
     * how Sumsub answers right now. Sumsub answers 404 to accepted credentials (an unknown applicant) and 401 to
     * refused ones; any other answer is not Sumsub's. {@code app} null asks unsigned (a 401 still shows Sumsub answers).
     */
    public ConnectionCheck probe(SumsubApi.App app, Duration timeout) {
        SumsubApi.App signing = app == null ? new SumsubApi.App("", "") : app;
        SumsubApi.Answer answer;
        try {
            answer = api.send(
                    "GET",
                    ProviderPath.of("/resources/applicants/{applicant-id}/one", "000000000000000000000000"),
                    signing,
                    null,
                    timeout);
        } catch (IOException | IllegalArgumentException e) {
            return ConnectionCheck.noAnswer();
        }
        if (answer.status() == 404) {
            return isSumsubError(answer.body())
                    ? new ConnectionCheck(ConnectionCheck.Outcome.OK, 404)
                    : new ConnectionCheck(ConnectionCheck.Outcome.UNEXPECTED_ANSWER, 404);
        }
        ConnectionCheck check = ConnectionCheck.ofStatus(answer.status());
        // A 2xx for an applicant that cannot exist is no answer Sumsub gives.
        return check.outcome() == ConnectionCheck.Outcome.OK
                ? new ConnectionCheck(ConnectionCheck.Outcome.UNEXPECTED_ANSWER, answer.status())
                : check;
    }

    private static boolean isSumsubError(byte[] body) {
        try {
            JsonNode error = JSON.readTree(body);
            return error != null && error.path("code").isInt();
        } catch (IOException e) {
            return false;
        }
    }

    /** An id Sumsub gave us, checked before it becomes part of a path. */
    private static String sumsubId(String id) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,100}")) {
            throw new SumsubRefusedException(Kind.REJECTED, 0, "not a Sumsub id");
        }
        return id;
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * One call: the same request until Sumsub answers other than 429/5xx or the attempts run out, inside the circuit
     * breaker; then the answer translated ({@link ProviderGuards}).
     */
    private JsonNode call(String method, ProviderPath path, SumsubApi.App app, JsonNode body) {
        byte[] bytes = body == null ? null : ProviderGuards.write(body);
        try {
            return guards.call(() -> api.send(method, path, app, bytes));
        } catch (CircuitBreakerOpenException e) {
            throw new KycProviderException(Kind.UNAVAILABLE, 0, "Sumsub is failing; calls are paused for a while", e);
        }
    }

    /** Sumsub's error {@code description}, for our logs and exceptions only (never an API answer). */
    static String description(byte[] body) {
        try {
            String description = JSON.readTree(body).path("description").asText("");
            return description.isEmpty() ? "" : ": " + description;
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
