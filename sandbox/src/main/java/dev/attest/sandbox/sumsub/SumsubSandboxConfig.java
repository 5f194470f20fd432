package dev.attest.sandbox.sumsub;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the Sumsub stand-in. Apps registered through {@code /sumsub/_sandbox/apps} bring their own. */
@ConfigMapping(prefix = "sandbox.sumsub")
public interface SumsubSandboxConfig {

    /** The app token accepted without registration (the local stack's default app). */
    @WithDefault("sbx:sandbox_app_token")
    String appToken();

    /** The secret key that signs requests of the default app. */
    @WithDefault("sandbox_secret_key")
    String secretKey();

    /** Where webhooks of the default app go; none means they are recorded but not sent. */
    Optional<String> webhookUrl();

    /** The secret that digests webhooks of the default app. */
    @WithDefault("sumsub_webhook_secret")
    String webhookSecret();

    /**
     * How far {@code X-App-Access-Ts} may be from the sandbox's clock. Sumsub refuses stale timestamps but
     * does not publish its tolerance; this is ours.
     */
    @WithDefault("5m")
    Duration maxClockSkew();

    /** How long the sandbox waits for a webhook receiver (Sumsub: 5 s, then it counts as failed). */
    @WithDefault("5s")
    Duration webhookTimeout();

    /**
     * The origin a browser reaches the Sumsub port at ({@code http://localhost:8093}): the {@code url} claim of
     * WebSDK access tokens, where the official WebSDK loads its frame from, and the origin of WebSDK links. Unset:
     * the host the API request was sent to, with the Sumsub port ({@code ProviderOrigins}). Set it where the
     * services reach the sandbox by another name than browsers do (containers: {@code http://sandbox:8093}).
     */
    Optional<String> websdkUrl();

    /** The lifetime of a WebSDK access token when the request gives no {@code ttlInSecs} (Sumsub: 10 minutes). */
    @WithDefault("10m")
    Duration accessTokenTtl();

    /** The lifetime of a WebSDK link when the request gives no {@code ttlInSecs}. */
    @WithDefault("30m")
    Duration websdkLinkTtl();

    /** The waits before each resend of a failed webhook (Sumsub's documented schedule: 5 min, 1 h, 5 h, 18 h). */
    @WithDefault("5m,1h,5h,18h")
    List<Duration> webhookRetryDelays();
}
