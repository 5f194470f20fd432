package dev.attest.sandbox.persona;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the Persona stand-in. Organizations registered through the control API override them per key. */
@ConfigMapping(prefix = "sandbox.persona")
public interface PersonaSandboxConfig {

    /** API keys accepted without registration (the local stack's default organization uses one of them). */
    @WithDefault("persona_sandbox_key")
    List<String> apiKeys();

    /** Where webhooks of keys without their own URL go; none means they are recorded but not sent. */
    Optional<String> webhookUrl();

    /** Secret that signs webhooks of keys without their own. */
    @WithDefault("wbhsec_sandbox")
    String webhookSecret();

    /** Requests per minute per API key before 429 (Persona's production default is 300). */
    @WithDefault("300")
    int rateLimitPerMinute();

    /** How long the sandbox waits for a webhook receiver before the delivery counts as failed (Persona: 5 s). */
    @WithDefault("5s")
    Duration webhookTimeout();

    /** Attempts per webhook delivery, the first included (Persona's older docs: up to 8 retries). */
    @WithDefault("9")
    int webhookAttempts();

    /** How long an {@code Idempotency-Key}'s first answer is replayed (Persona: at least 24 h). */
    @WithDefault("24h")
    Duration idempotencyTtl();

    /** The wait before the first retry; each later retry waits twice as long. */
    @WithDefault("1s")
    Duration webhookRetryBackoff();
}
