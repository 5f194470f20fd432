package dev.attest.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Settings of the gateway: its token signing key, the services it routes to, and its edge limits. */
@ConfigMapping(prefix = "attest.gateway")
public interface GatewayConfig {

    /**
     * The EC P-256 private key (PKCS#8 PEM) that signs the tokens the gateway passes to the services. Its
     * public key is served at {@code /.well-known/jwks.json}.
     */
    Optional<String> signingKey();

    /** Whether the gateway may make an ephemeral signing key when none is configured (dev and test only). */
    @WithDefault("false")
    boolean ephemeralSigningKeyAllowed();

    /** Lifetime of a gateway token; the services' contract allows at most 60 s. */
    @WithDefault("60s")
    Duration tokenLifetime();

    /** Base URLs of the services the gateway routes to. */
    Services services();

    /** How long the gateway waits for an upstream's response headers before answering 504. */
    @WithDefault("30s")
    Duration upstreamTimeout();

    /**
     * Whether {@code POST /_bench/echo} answers with its request body: the baseline {@code ./attest bench}
     * measures the webhook ingest against. Off unless set (the local stack sets it): it is unauthenticated
     * and serves nothing but measurement.
     */
    @WithDefault("false")
    boolean benchEcho();

    /**
     * Connections the gateway may hold open to each service. Every open event stream holds one for as long as
     * it lasts, so this bounds the live streams per service; a request over it waits for a free connection.
     * Shared out evenly among the event loops, each of which keeps its own connections.
     */
    @WithDefault("2048")
    int upstreamMaxConnections();

    /**
     * Defaults of the per-project token bucket, when a project states none, and the bucket of a caller who acts
     * in no project.
     */
    RateLimit rateLimit();

    /**
     * The edge limit of provider webhooks: they carry no credential the gateway can check (the service verifies
     * the signature), so each source address is limited in memory before anything is forwarded.
     */
    WebhookRateLimit webhookRateLimit();

    /**
     * How the gateway reads the users' tokens of each OIDC issuer, by quarkus-oidc tenant id ({@code
     * Default} for {@code quarkus.oidc.*}, {@code privy} for {@code quarkus.oidc.privy.*}). An issuer not
     * listed names no organization: its users belong where the member list says.
     */
    @WithDefaults
    Map<String, IdentityProvider> identityProviders();

    /** The web console the gateway serves under {@code /console/}. */
    Console console();

    interface Console {
        /**
         * The directory of the console's production build ({@code web/dist}). Without one the gateway serves
         * no console (an API-only deployment).
         */
        Optional<String> dir();

        /** The OIDC issuer the console signs users in with (authorization code + PKCE). */
        @WithDefault("${quarkus.oidc.auth-server-url}")
        String oidcAuthority();

        /** The identity provider's public client for the console. */
        @WithDefault("attest-web")
        String oidcClientId();

        /**
         * Where Persona's embedded flow runs: empty for Persona itself, or the host of a stand-in that speaks its
         * protocol (the local stack's sandbox, {@code localhost:8090}), passed to the SDK as {@code customHost}.
         */
        Optional<String> personaHost();

        /** The organization (slug) a person signing up in the console joins, when it allows self sign-up. */
        Optional<String> signupOrg();

        /** A block explorer's transaction page, {@code {hash}} replaced; none for a local chain. */
        Optional<String> explorerTxUrl();

        /** A block explorer's address page, {@code {address}} replaced. */
        Optional<String> explorerAddressUrl();
    }

    interface IdentityProvider {
        /**
         * The top-level claim naming the organization (id or slug) the identity provider signed the user up
         * for. Set it only for an issuer whose users cannot choose that claim's value themselves.
         */
        Optional<String> orgClaim();

        /** The top-level claim holding the user's email. */
        @WithDefault("email")
        String emailClaim();
    }

    interface Services {
        /** compliance-service: KYC cases, Persona integration and webhooks. */
        String compliance();

        /** wallet-service: wallets, transactions, Dfns integration and webhooks. */
        String wallet();

        /** identity-service: on-chain identities. */
        String identity();

        /** notification-service: notifications and project webhook endpoints. */
        String notification();

        /** document-service: client-encrypted documents, their key grants and their storage on Arweave. */
        String document();
    }

    interface RateLimit {
        /** Burst size: how many requests a project may make at once. */
        @WithDefault("100")
        int capacity();

        /** Steady rate: tokens added per second. */
        @WithDefault("10")
        double refillPerSecond();

        /**
         * The bucket of a caller (user or API key) whose request acts in no project: one per caller and
         * organization, or per caller when the request acts in no organization (the gateway's own API included).
         */
        Caller caller();

        interface Caller {
            /** Burst size of one caller's bucket. */
            @WithDefault("100")
            int capacity();

            /** Tokens added to one caller's bucket per second. */
            @WithDefault("10")
            double refillPerSecond();
        }
    }

    /**
     * In-memory token buckets of one gateway instance (each replica counts for itself): one per source address
     * and organization (the path's {@code /webhooks/<provider>/<org>}), so that one organization's deliveries
     * cannot crowd out another's from the same provider address, and one per source address over all
     * organizations, so that naming ever new organizations gains nothing. IPv6 sources count per /64.
     */
    interface WebhookRateLimit {
        /** Burst size per source address and organization. */
        @WithDefault("500")
        int capacity();

        /** Deliveries per second per source address and organization. */
        @WithDefault("100")
        double refillPerSecond();

        /** Burst size per source address, all organizations together. */
        @WithDefault("2500")
        int sourceCapacity();

        /** Deliveries per second per source address, all organizations together. */
        @WithDefault("500")
        double sourceRefillPerSecond();
    }
}
