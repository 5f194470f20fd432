package dev.attest.sandbox.sumsub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The Sumsub stand-in's state: apps, applicants, and the webhooks their reviews send. Nothing is durable. */
@ApplicationScoped
class SumsubSandbox {
    private static final DateTimeFormatter WEBHOOK_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(java.time.ZoneOffset.UTC);

    private final SumsubSandboxConfig config;
    private final SumsubWebhooks webhooks;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, SumsubApp> apps = new ConcurrentHashMap<>();
    private final Map<String, Applicant> applicants = new ConcurrentHashMap<>();
    /** Sumsub keeps one applicant per externalUserId and level: the key is app, level, externalUserId. */
    private final Map<String, String> byExternalUser = new ConcurrentHashMap<>();

    SumsubSandbox(SumsubSandboxConfig config, SumsubWebhooks webhooks) {
        this.config = config;
        this.webhooks = webhooks;
        register(new SumsubApp(
                config.appToken(),
                config.secretKey(),
                config.webhookUrl(),
                config.webhookSecret(),
                SumsubSignatures.DigestAlg.HMAC_SHA256_HEX));
    }

    void register(SumsubApp app) {
        apps.put(app.appToken(), app);
    }

    /**
     * Checks the three X-App headers as Sumsub does and answers the app, or throws Sumsub's 401. {@code
     * pathWithQuery} is the path at Sumsub's origin (without the sandbox's {@code /sumsub} prefix).
     */
    SumsubApp authenticate(String token, String ts, String sig, String method, String pathWithQuery, byte[] body) {
        if (token == null || ts == null || sig == null) {
            throw new SumsubError(
                    401,
                    "App token, timestamp and signature are required (X-App-Token, "
                            + "X-App-Access-Ts, X-App-Access-Sig)");
        }
        SumsubApp app = apps.get(token);
        if (app == null) {
            throw new SumsubError(401, "App token is not valid");
        }
        long seconds;
        try {
            seconds = Long.parseLong(ts);
        } catch (NumberFormatException e) {
            throw new SumsubError(401, "X-App-Access-Ts must be seconds since the Unix epoch");
        }
        Duration skew = Duration.ofSeconds(Math.abs(clock.instant().getEpochSecond() - seconds));
        if (skew.compareTo(config.maxClockSkew()) > 0) {
            throw new SumsubError(401, "Request timestamp is too far from the current time");
        }
        String expected = SumsubSignatures.requestSignature(app.secretKey(), ts, method, pathWithQuery, body);
        // Constant-time, as a signature check should be; Sumsub wants lowercase hex, so no case folding.
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), sig.getBytes(StandardCharsets.US_ASCII))) {
            throw new SumsubError(401, "Request signature mismatch");
        }
        return app;
    }

    /** Creates the applicant, or answers 409 as Sumsub does when the externalUserId already has one at the level. */
    synchronized Applicant create(SumsubApp app, String levelName, String externalUserId) {
        String key = app.appToken() + "\n" + levelName + "\n" + externalUserId;
        String existing = byExternalUser.get(key);
        if (existing != null) {
            throw new SumsubError(
                    409, "Applicant with external user id '" + externalUserId + "' already exists: " + existing);
        }
        Applicant applicant =
                new Applicant(hexId(), hexId(), app.appToken(), externalUserId, levelName, clock.instant());
        applicants.put(applicant.id, applicant);
        byExternalUser.put(key, applicant.id);
        webhook(app, applicant, "applicantCreated");
        return applicant;
    }

    /** The app's applicant, or Sumsub's 404: another app's applicant does not exist for this one. */
    Applicant applicant(SumsubApp app, String id) {
        Applicant applicant = applicants.get(id);
        if (applicant == null || !applicant.appToken.equals(app.appToken())) {
            throw new SumsubError(404, "Applicant not found: " + id);
        }
        return applicant;
    }

    Optional<Applicant> applicant(String id) {
        return Optional.ofNullable(applicants.get(id));
    }

    /**
     * Scripts a review: an applicant still in {@code init} is submitted first ({@code applicantPending}), then
     * {@code applicantReviewed}. A later review replaces the result, as a reviewer's downgrade does. Synchronized
     * so that two reviews of one app cannot interleave their webhooks.
     */
    synchronized void review(Applicant applicant, Applicant.Review review) {
        SumsubApp app = apps.get(applicant.appToken);
        if (applicant.pendingFirst()) {
            applicant.submit();
            webhook(app, applicant, "applicantPending");
        }
        applicant.complete(review, clock.instant());
        webhook(app, applicant, "applicantReviewed");
    }

    String accessToken() {
        return "_act-sbx-" + UUID.randomUUID();
    }

    private void webhook(SumsubApp app, Applicant applicant, String type) {
        ObjectNode status = applicant.status();
        ObjectNode body = SumsubError.JSON.createObjectNode();
        body.put("applicantId", applicant.id);
        body.put("inspectionId", applicant.inspectionId);
        body.put("correlationId", "req-" + UUID.randomUUID());
        body.put("levelName", applicant.levelName);
        body.put("externalUserId", applicant.externalUserId);
        body.put("type", type);
        body.put("sandboxMode", true);
        body.put("reviewStatus", status.path("reviewStatus").asText());
        if (status.has("reviewResult")) {
            body.set("reviewResult", status.get("reviewResult"));
        }
        body.put("createdAtMs", WEBHOOK_DATE.format(clock.instant()));
        body.put("applicantType", "individual");
        webhooks.send(app, applicant.id, type, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Sumsub's ids are 24 hex digits (Mongo object ids). */
    private static String hexId() {
        byte[] bytes = new byte[12];
        new java.security.SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
