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
    interface Persona extends ProviderCommon {
        /**
         * Persona's base URL, without {@code /api/v1}: {@code https://api.withpersona.com}, or the sandbox's
         * {@code http://127.0.0.1:8090/persona}. Read at each call (see PersonaApi).
         */
        @WithDefault("https://api.withpersona.com")
        String baseUrl();

        /** The pinned {@code Persona-Version}: the shapes this client parses. */
        @WithDefault("2023-01-05")
        String version();

        /**
         * The organization that {@code POST /webhooks/persona/inquiry} belongs to, by id or by slug (resolved
         * through the tenant replica; the local stack sets the slug {@code demo}).
         */
        Optional<String> defaultOrgId();

        /** The default organization's API key, when it has none stored. */
        Optional<String> apiKey();

        /** The default organization's inquiry template, when it has none stored. */
        Optional<String> inquiryTemplateId();

        /** How old a webhook's signature timestamp may be (and how far in the future). */
        @WithDefault("300s")
        Duration webhookTolerance();
    }

    /**
     * Sumsub: the API, and the default organization's credentials (the same default organization as Persona's,
     * {@code persona.default-org-id}; others set theirs).
     */
    interface Sumsub extends ProviderCommon {
        /** Sumsub's base URL, without {@code /resources}: {@code https://api.sumsub.com}, or the sandbox's. */
        @WithDefault("https://api.sumsub.com")
        String baseUrl();

        /** How long a WebSDK access token or link handed to a person is valid. */
        @WithDefault("1800s")
        Duration accessTokenTtl();

        /** The default organization's app token, secret key, level and KYB level, when it has none stored. */
        Optional<String> appToken();

        Optional<String> secretKey();

        Optional<String> levelName();

        Optional<String> kybLevelName();
    }

    /**
     * The settings every KYC provider has alike (its calls, its webhooks' bounds, its health check), declared once;
     * each provider's block adds its own under the same prefix ({@code attest.compliance.<provider>.*}).
     */
    interface ProviderCommon {
        /** Connect timeout of a call to the provider. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** Timeout of one request to the provider. */
        @WithDefault("5s")
        Duration requestTimeout();

        /** Attempts of a call answered 429 or 5xx (or not answered), the first included. */
        @WithDefault("3")
        int maxAttempts();

        /** Wait before the first retry; doubled for each later one (Persona: a {@code Retry-After} wins if longer). */
        @WithDefault("200ms")
        Duration retryBackoff();

        /** The default organization's webhook secrets (two during rotation), when it has none stored. */
        Optional<List<String>> webhookSecrets();

        /** Webhook bodies larger than this are refused with 413. */
        @WithDefault("262144")
        int webhookMaxBytes();

        /**
         * How far in the future (against the receipt time) a signed event's created-at ({@code createdAtMs} for
         * Sumsub) may be. Beyond it the event is refused: applied, it would make every later real event of its case
         * look stale.
         */
        @WithDefault("300s")
        Duration webhookFutureTolerance();

        /** Timeout of the health check's one call to the provider (no retries). */
        @WithDefault("2s")
        Duration healthTimeout();

        /** How long the health check's answer is reused, so that probes do not hammer the provider. */
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
