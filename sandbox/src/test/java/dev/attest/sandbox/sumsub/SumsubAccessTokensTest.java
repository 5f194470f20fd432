package dev.attest.sandbox.sumsub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SumsubAccessTokensTest {
    private static final SumsubApp APP =
            new SumsubApp("sbx:app", "secret", Optional.empty(), "whsec", SumsubSignatures.DigestAlg.HMAC_SHA256_HEX);

    /** A clock the test moves: expiry without waiting. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aTokenHasSumsubsShapeAndCarriesTheWebSdkOriginInTheUrlClaimThatTheSdkDecodesWithAtob() throws Exception {
        SumsubAccessTokens tokens = new SumsubAccessTokens(new MovableClock());
        String token = tokens.mint(APP, "user-1", "basic-kyc-level", Duration.ofMinutes(10), "http://localhost:8093");

        assertThat(token).startsWith("_act-sbx-jwt-").endsWith(".-v2");
        // What the SDK's getCurrentBaseUrl does: strip the prefix and "-v2", split on ".", atob and JSON.parse each.
        String[] parts =
                token.substring("_act-sbx-jwt-".length()).replace("-v2", "").split("\\.");
        // atob takes the standard alphabet only: no "-" or "_" of base64url.
        assertThat(parts[0] + parts[1]).matches("[A-Za-z0-9+/]+");
        JsonNode header = SumsubError.JSON.readTree(Base64.getDecoder().decode(parts[0]));
        JsonNode payload = SumsubError.JSON.readTree(Base64.getDecoder().decode(parts[1]));
        assertThat(header.path("alg").asText()).isEqualTo("none");
        assertThat(payload.path("url").asText()).isEqualTo("http://localhost:8093");
        assertThat(payload.path("jti").asText()).startsWith("_act-sbx-").endsWith("-v2");
        assertThat(new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                .doesNotContain("secret");

        SumsubAccessTokens.Check check = tokens.token(token);
        assertThat(check.state()).isEqualTo(SumsubAccessTokens.Check.State.VALID);
        assertThat(check.grant().userId()).isEqualTo("user-1");
        assertThat(check.grant().levelName()).isEqualTo("basic-kyc-level");
        assertThat(check.grant().appToken()).isEqualTo("sbx:app");
    }

    @Test
    void tokensAndLinksExpireAfterTheirTtlAndUnknownOnesAreUnknown() {
        MovableClock clock = new MovableClock();
        SumsubAccessTokens tokens = new SumsubAccessTokens(clock);
        String token = tokens.mint(APP, "user-1", "level", Duration.ofSeconds(600), "http://localhost:8093");
        String link = tokens.link(APP, "user-1", "level", Duration.ofSeconds(1800));

        clock.now = clock.now.plusSeconds(599);
        assertThat(tokens.token(token).state()).isEqualTo(SumsubAccessTokens.Check.State.VALID);
        assertThat(tokens.remaining(tokens.link(link).grant())).isEqualTo(Duration.ofSeconds(1201));
        clock.now = clock.now.plusSeconds(1);
        assertThat(tokens.token(token).state()).isEqualTo(SumsubAccessTokens.Check.State.EXPIRED);
        assertThat(tokens.link(link).state()).isEqualTo(SumsubAccessTokens.Check.State.VALID);
        clock.now = clock.now.plusSeconds(1200);
        assertThat(tokens.link(link).state()).isEqualTo(SumsubAccessTokens.Check.State.EXPIRED);

        assertThat(tokens.token("_act-sbx-jwt-forged").state()).isEqualTo(SumsubAccessTokens.Check.State.UNKNOWN);
        assertThat(tokens.token(null).state()).isEqualTo(SumsubAccessTokens.Check.State.UNKNOWN);
        assertThat(tokens.link("sbx_unknown").state()).isEqualTo(SumsubAccessTokens.Check.State.UNKNOWN);
    }
}
