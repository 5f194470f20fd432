package dev.attest.sandbox.sumsub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Sumsub stand-in's state: apps, applicants, WebSDK tokens and links, and the webhooks the applicants'
 * changes send. Nothing is durable.
 */
@ApplicationScoped
class SumsubSandbox {
    private static final DateTimeFormatter WEBHOOK_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(java.time.ZoneOffset.UTC);

    private final SumsubSandboxConfig config;
    private final SumsubWebhooks webhooks;
    private final Clock clock = Clock.systemUTC();
    private final SumsubAccessTokens tokens = new SumsubAccessTokens(clock);
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

    /** A registered app; apps are never removed, so a token's or a link's app is always there. */
    SumsubApp app(String appToken) {
        return apps.get(appToken);
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

    /**
     * Creates the applicant ({@code type} {@code individual} or {@code company}, {@code fixedInfo} as given), or
     * answers 409 as Sumsub does when the externalUserId already has one at the level.
     */
    synchronized Applicant create(
            SumsubApp app, String levelName, String externalUserId, String type, ObjectNode fixedInfo) {
        String key = key(app, levelName, externalUserId);
        String existing = byExternalUser.get(key);
        if (existing != null) {
            throw new SumsubError(
                    409, "Applicant with external user id '" + externalUserId + "' already exists: " + existing);
        }
        Applicant applicant = new Applicant(
                hexId(), hexId(), app.appToken(), externalUserId, levelName, type, fixedInfo, clock.instant());
        applicants.put(applicant.id, applicant);
        byExternalUser.put(key, applicant.id);
        webhook(app, applicant, "applicantCreated");
        return applicant;
    }

    /**
     * The applicant a WebSDK token or link grants: Sumsub's WebSDK creates it when there is none yet, of its
     * level's type. The sandbox has no level configuration: a level whose name contains "kyb" is a company's.
     */
    synchronized Applicant forWebSdk(SumsubAccessTokens.Grant grant) {
        SumsubApp app = apps.get(grant.appToken());
        String existing = byExternalUser.get(key(app, grant.levelName(), grant.userId()));
        if (existing != null) {
            return applicants.get(existing);
        }
        boolean kyb = grant.levelName().toLowerCase(Locale.ROOT).contains("kyb");
        return create(app, grant.levelName(), grant.userId(), kyb ? Applicant.COMPANY : Applicant.INDIVIDUAL, null);
    }

    /**
     * GET /resources/applicants/-;externalUserId=…/one: the app's applicant of that externalUserId (the newest
     * when it has one at several levels), or Sumsub's 404.
     */
    Applicant byExternalUserId(SumsubApp app, String externalUserId) {
        return applicants.values().stream()
                .filter(a -> a.appToken.equals(app.appToken()) && a.externalUserId.equals(externalUserId))
                .max(Comparator.comparing((Applicant a) -> a.createdAt))
                .orElseThrow(() ->
                        new SumsubError(404, "Applicant with external user id '" + externalUserId + "' not found"));
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
        submitFirst(applicant);
        applicant.complete(review, clock.instant());
        webhook(apps.get(applicant.appToken), applicant, "applicantReviewed");
    }

    /** Scripts a hold: submitted first if still in {@code init}, then {@code onHold} ({@code applicantOnHold}). */
    synchronized void hold(Applicant applicant) {
        submitFirst(applicant);
        applicant.hold();
        webhook(apps.get(applicant.appToken), applicant, "applicantOnHold");
    }

    /**
     * The WebSDK's submit once every step has its document: {@code pending} ({@code applicantPending}). Answers
     * 400 while a step is missing; an applicant no longer in {@code init} is left as it is.
     */
    synchronized void submit(Applicant applicant) {
        if (!applicant.pendingFirst()) {
            return;
        }
        var missing = applicant.missingSteps();
        if (!missing.isEmpty()) {
            throw new SumsubError(400, "Required documents are missing: " + String.join(", ", missing));
        }
        submitFirst(applicant);
    }

    /** Sumsub's reset: back to {@code init}, its documents and result gone ({@code applicantReset}). */
    synchronized void reset(Applicant applicant) {
        applicant.reset();
        webhook(apps.get(applicant.appToken), applicant, "applicantReset");
    }

    SumsubAccessTokens tokens() {
        return tokens;
    }

    private void submitFirst(Applicant applicant) {
        if (applicant.pendingFirst()) {
            applicant.submit();
            webhook(apps.get(applicant.appToken), applicant, "applicantPending");
        }
    }

    private static String key(SumsubApp app, String levelName, String externalUserId) {
        return app.appToken() + "\n" + levelName + "\n" + externalUserId;
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
        body.put("applicantType", applicant.type);
        webhooks.send(app, applicant.id, type, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Sumsub's ids are 24 hex digits (Mongo object ids). */
    private static String hexId() {
        byte[] bytes = new byte[12];
        new java.security.SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
