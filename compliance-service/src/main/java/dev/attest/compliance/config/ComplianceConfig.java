package dev.attest.compliance.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of compliance-service. */
@ConfigMapping(prefix = "attest.compliance")
public interface ComplianceConfig {

    /**
     * The KYC provider of new cases whose caller names no project, or a project the tenant replica does not
     * know (yet) or that names no provider.
     */
    @WithDefault("persona")
    String defaultProvider();

    Persona persona();

    Sumsub sumsub();

    Webhooks webhooks();

    Reconciliation reconciliation();

    /** Persona: the API, and the default organization's credentials (the local stack's; others set theirs). */
    interface Persona {
        /**
         * Persona's base URL, without {@code /api/v1}: {@code https://api.withpersona.com}, or the sandbox's
         * {@code http://127.0.0.1:8090/persona}. Read at each call (see PersonaApi).
         */
        @WithDefault("https://api.withpersona.com")
        String baseUrl();

        /** The pinned {@code Persona-Version}: the shapes this client parses. */
        @WithDefault("2023-01-05")
        String version();

        /** Connect timeout of a Persona call. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** Timeout of one Persona request. */
        @WithDefault("5s")
        Duration requestTimeout();

        /** Attempts of a call answered 429 or 5xx (or not answered), the first included. */
        @WithDefault("3")
        int maxAttempts();

        /** Wait before the first retry; doubled for each later one (a {@code Retry-After} wins if longer). */
        @WithDefault("200ms")
        Duration retryBackoff();

        /**
         * The organization that {@code POST /webhooks/persona/inquiry} belongs to, by id or by slug (resolved
         * through the tenant replica; the local stack sets the slug {@code demo}).
         */
        Optional<String> defaultOrgId();

        /** The default organization's API key, when it has none stored. */
        Optional<String> apiKey();

        /** The default organization's inquiry template, when it has none stored. */
        Optional<String> inquiryTemplateId();

        /** The default organization's webhook secrets (two during rotation), when it has none stored. */
        Optional<List<String>> webhookSecrets();

        /** How old a webhook's signature timestamp may be (and how far in the future). */
        @WithDefault("300s")
        Duration webhookTolerance();

        /** Webhook bodies larger than this are refused with 413. */
        @WithDefault("262144")
        int webhookMaxBytes();

        /**
         * How far in the future (against the receipt time) a signed event's {@code created-at} may be. Beyond
         * it the event is refused: applied, it would make every later real event of its case look stale.
         */
        @WithDefault("300s")
        Duration webhookFutureTolerance();

        /** Timeout of the health check's one call to Persona (no retries). */
        @WithDefault("2s")
        Duration healthTimeout();

        /** How long the health check's answer is reused, so that probes do not hammer Persona. */
        @WithDefault("30s")
        Duration healthCacheTtl();
    }

    /**
     * Sumsub: the API, and the default organization's credentials (the same default organization as Persona's,
     * {@code persona.default-org-id}; others set theirs).
     */
    interface Sumsub {
        /** Sumsub's base URL, without {@code /resources}: {@code https://api.sumsub.com}, or the sandbox's. */
        @WithDefault("https://api.sumsub.com")
        String baseUrl();

        @WithDefault("2s")
        Duration connectTimeout();

        @WithDefault("5s")
        Duration requestTimeout();

        /** Attempts of a call answered 429 or 5xx (or not answered), the first included. */
        @WithDefault("3")
        int maxAttempts();

        /** Wait before the first retry; doubled for each later one. */
        @WithDefault("200ms")
        Duration retryBackoff();

        /** How long a WebSDK access token or link handed to a person is valid. */
        @WithDefault("1800s")
        Duration accessTokenTtl();

        /** The default organization's app token, secret key, level and KYB level, when it has none stored. */
        Optional<String> appToken();

        Optional<String> secretKey();

        Optional<String> levelName();

        Optional<String> kybLevelName();

        /** The default organization's webhook secrets (two during rotation), when it has none stored. */
        Optional<List<String>> webhookSecrets();

        /** Webhook bodies larger than this are refused with 413. */
        @WithDefault("262144")
        int webhookMaxBytes();

        /** How far ahead of the receipt a webhook's {@code createdAtMs} may be (as Persona's). */
        @WithDefault("300s")
        Duration webhookFutureTolerance();

        @WithDefault("2s")
        Duration healthTimeout();

        @WithDefault("30s")
        Duration healthCacheTtl();
    }

    /** Processing of stored webhooks. */
    interface Webhooks {
        /** How often stored webhooks are looked for when no receipt woke the processor (e.g. after a crash). */
        @WithDefault("5s")
        Duration pollInterval();
    }

    /**
     * Asking Persona for the inquiry of a case that has been waiting long, in case its webhooks were lost
     * (see CaseReconciliation).
     */
    interface Reconciliation {
        /** How often due cases are looked for (read by the scheduler, see CaseReconciliation). */
        @WithDefault("1m")
        Duration interval();

        /** A pending or in-review case unchanged this long is asked about. */
        @WithDefault("15m")
        Duration minAge();

        /** A case asked about is not asked again before this. */
        @WithDefault("1h")
        Duration recheckAfter();

        /** Cases opened longer ago than this are left alone (an abandoned inquiry stays pending). */
        @WithDefault("7d")
        Duration maxAge();

        /** Cases asked about per pass: bounds the calls against Persona's rate limit. */
        @WithDefault("20")
        int batchSize();
    }
}
