package dev.attest.sandbox.sumsub;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * WebSDK access tokens and WebSDK links (permalinks), each granting one applicant ({@code userId}, the
 * applicant's {@code externalUserId}, at a level) of one app until it expires.
 *
 * <p>A token has the shape of Sumsub's sandbox tokens: {@code _act-sbx-jwt-<header>.<payload>.-v2}, an unsigned
 * JWT whose payload is {@code {"jti": "_act-sbx-<uuid>-v2", "url": "<WebSDK origin>"}}. The official WebSDK
 * (npm {@code @sumsub/websdk} 2.9.0, {@code getCurrentBaseUrl}) takes its base URL from that {@code url} claim
 * when it is given none, so the unmodified SDK finds the sandbox from the token alone, as it finds
 * {@code https://api.sumsub.com} from a real one. The SDK decodes the parts with {@code atob}, which takes only
 * standard base64: they are encoded so, without padding. The token is only a handle: what it grants is kept
 * here, not read back from it.
 */
final class SumsubAccessTokens {
    private static final String PREFIX = "_act-sbx-jwt-";
    private static final String HEADER = encode("{\"alg\":\"none\"}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Map<String, Grant> tokens = new ConcurrentHashMap<>();
    private final Map<String, Grant> links = new ConcurrentHashMap<>();

    /** What a token or a link grants. */
    record Grant(String appToken, String userId, String levelName, Instant expiresAt) {}

    /** How a token or a link checks out; {@code grant} only when {@code VALID}. */
    record Check(State state, Grant grant) {
        enum State {
            VALID,
            EXPIRED,
            UNKNOWN
        }
    }

    SumsubAccessTokens(Clock clock) {
        this.clock = clock;
    }

    /** A new access token for the applicant; {@code webSdkOrigin} goes into its {@code url} claim. */
    String mint(SumsubApp app, String userId, String levelName, Duration ttl, String webSdkOrigin) {
        String jti = "_act-sbx-" + UUID.randomUUID() + "-v2";
        String payload = SumsubError.JSON
                .createObjectNode()
                .put("jti", jti)
                .put("url", webSdkOrigin)
                .toString();
        String token = PREFIX + HEADER + "." + encode(payload) + ".-v2";
        forgetExpired(tokens);
        tokens.put(
                token,
                new Grant(app.appToken(), userId, levelName, clock.instant().plus(ttl)));
        return token;
    }

    /** A new WebSDK link id ({@code sbx_…}), opened at {@code /websdk/p/{id}} of the WebSDK origin. */
    String link(SumsubApp app, String userId, String levelName, Duration ttl) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String id = "sbx_" + HexFormat.of().formatHex(bytes);
        forgetExpired(links);
        links.put(
                id, new Grant(app.appToken(), userId, levelName, clock.instant().plus(ttl)));
        return id;
    }

    Check token(String token) {
        return check(token == null ? Optional.empty() : Optional.ofNullable(tokens.get(token)));
    }

    Check link(String id) {
        return check(id == null ? Optional.empty() : Optional.ofNullable(links.get(id)));
    }

    /** The time left of a grant, at least a second (a token minted for a link lives as long as the link). */
    Duration remaining(Grant grant) {
        Duration left = Duration.between(clock.instant(), grant.expiresAt());
        return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
    }

    private Check check(Optional<Grant> grant) {
        if (grant.isEmpty()) {
            return new Check(Check.State.UNKNOWN, null);
        }
        return clock.instant().isBefore(grant.get().expiresAt())
                ? new Check(Check.State.VALID, grant.get())
                : new Check(Check.State.EXPIRED, null);
    }

    /** Nothing is durable and tokens are many: expired ones are dropped as new ones are made. */
    private void forgetExpired(Map<String, Grant> grants) {
        Instant now = clock.instant();
        grants.values().removeIf(grant -> !now.isBefore(grant.expiresAt()));
    }

    private static String encode(String json) {
        return Base64.getEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
